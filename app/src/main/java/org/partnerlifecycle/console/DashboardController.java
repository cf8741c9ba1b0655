package org.partnerlifecycle.console;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.partnerlifecycle.partner.LifecycleStage;
import org.partnerlifecycle.partner.Segment;
import org.partnerlifecycle.partner.Tier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The staff dashboard and the partner list, both filtered by segment, region, tier and stage. */
@Controller
class DashboardController {

  static final int DEFAULT_EXPIRY_WINDOW_DAYS = 90;
  private static final int DASHBOARD_ROWS = 10;
  private static final int LIST_ROWS = 25;

  private final DashboardQueries queries;
  private final Clock clock;

  DashboardController(DashboardQueries queries, Clock clock) {
    this.queries = queries;
    this.clock = clock;
  }

  @GetMapping("/console")
  String dashboard(@RequestParam(required = false) String segment, @RequestParam(required = false) String region,
      @RequestParam(required = false) String tier, @RequestParam(required = false) String stage,
      @RequestParam(required = false) Integer within, @RequestParam(required = false) Integer riskPage,
      @RequestParam(required = false) Integer agreementPage, HttpServletRequest request, Model model) {
    PartnerFilter filter = PartnerFilter.of(segment, region, tier, stage, null, false);
    Instant now = clock.instant();
    int expiryWindow = within == null || within < 1 ? DEFAULT_EXPIRY_WINDOW_DAYS : Math.min(within, 730);
    LocalDate until = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(expiryWindow);

    var stages = queries.stages(filter, now);
    model.addAttribute("stages", stages);
    model.addAttribute("totalPartners", stages.stream().mapToLong(DashboardQueries.StageRow::partners).sum());
    model.addAttribute("tiers", queries.tiers(filter));
    model.addAttribute("sla", queries.slaBreaches(filter, now.minus(Duration.ofDays(30)), 5));
    var openTasks = queries.openTasks(filter, now);
    model.addAttribute("openTasks", openTasks.total());
    model.addAttribute("taskGroups", openTasks.byGroup());

    Pager risk = Pager.of(request, "riskPage", Pager.page(riskPage), DASHBOARD_ROWS, queries.countAtRisk(filter));
    model.addAttribute("atRisk", queries.atRisk(filter, risk.size(), risk.offset()));
    model.addAttribute("riskPager", risk);

    Pager expiring = Pager.of(request, "agreementPage", Pager.page(agreementPage), DASHBOARD_ROWS,
        queries.countExpiringAgreements(filter, until));
    model.addAttribute("expiring", queries.expiringAgreements(filter, until, expiring.size(), expiring.offset()));
    model.addAttribute("expiringPager", expiring);
    model.addAttribute("within", expiryWindow);

    model.addAttribute("latest", queries.partners(filter, false, DASHBOARD_ROWS, 0));
    addFilterOptions(model, filter);
    model.addAttribute("now", now);
    model.addAttribute("today", LocalDate.ofInstant(now, ZoneOffset.UTC));
    return "console/dashboard";
  }

  @GetMapping("/console/partners")
  String partners(@RequestParam(required = false) String segment, @RequestParam(required = false) String region,
      @RequestParam(required = false) String tier, @RequestParam(required = false) String stage,
      @RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean atRisk,
      @RequestParam(required = false) String sort, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size, HttpServletRequest request, Model model) {
    PartnerFilter filter = PartnerFilter.of(segment, region, tier, stage, q, atRisk);
    boolean byName = "name".equals(sort);
    Pager pager = Pager.of(request, "page", Pager.page(page), Pager.size(size, LIST_ROWS),
        queries.countPartners(filter));
    model.addAttribute("partners", queries.partners(filter, byName, pager.size(), pager.offset()));
    model.addAttribute("pager", pager);
    model.addAttribute("sort", byName ? "name" : "recent");
    model.addAttribute("now", clock.instant());
    addFilterOptions(model, filter);
    return "console/partners";
  }

  private void addFilterOptions(Model model, PartnerFilter filter) {
    model.addAttribute("filter", filter);
    model.addAttribute("segments", Segment.values());
    model.addAttribute("tierOptions", Tier.values());
    model.addAttribute("stageOptions", LifecycleStage.values());
    model.addAttribute("regions", queries.regions());
  }
}
