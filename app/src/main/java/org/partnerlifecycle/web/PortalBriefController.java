package org.partnerlifecycle.web;

import org.partnerlifecycle.account.SignedInUser;
import org.partnerlifecycle.onboarding.PartnerBrief;
import org.partnerlifecycle.onboarding.PartnerBriefRepository;
import org.partnerlifecycle.onboarding.PartnerSteps;
import org.partnerlifecycle.onboarding.PartnerSteps.StepNotAvailable;
import org.partnerlifecycle.partner.LifecycleStage;
import org.partnerlifecycle.partner.PartnerService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The partner brief: read it, acknowledge it once. */
@Controller
class PortalBriefController {

  private final PartnerBriefRepository briefs;
  private final PartnerService partners;
  private final PartnerSteps steps;

  PortalBriefController(PartnerBriefRepository briefs, PartnerService partners, PartnerSteps steps) {
    this.briefs = briefs;
    this.partners = partners;
    this.steps = steps;
  }

  @GetMapping("/portal/brief")
  String brief(@AuthenticationPrincipal SignedInUser user, Model model) {
    long partnerId = PortalUser.partnerId(user);
    var partner = partners.get(partnerId);
    model.addAttribute("partner", partner);
    model.addAttribute("brief", briefs.findFirstByPartnerIdOrderByGeneratedAtDescIdDesc(partnerId).orElse(null));
    model.addAttribute("canAcknowledge", partner.getStage() == LifecycleStage.BRIEFED);
    model.addAttribute("portalPage", "brief");
    return "portal/brief";
  }

  @PostMapping("/portal/brief/acknowledge")
  String acknowledge(@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
    long partnerId = PortalUser.partnerId(user);
    PartnerBrief brief = briefs.findFirstByPartnerIdOrderByGeneratedAtDescIdDesc(partnerId)
        .orElseThrow(() -> new StepNotAvailable("There is no partner brief to acknowledge yet."));
    boolean already = brief.isAcknowledged();
    // while the process still waits (the stage is unchanged), acknowledging again re-sends the same message, in
    // case the first could not reach the engine; the engine takes it at most once
    if (!already || partners.get(partnerId).getStage() == LifecycleStage.BRIEFED) {
      steps.acknowledgeBrief(partnerId, user.getUsername());
    }
    redirect.addFlashAttribute(already ? "info" : "success", already
        ? "The partner brief was already acknowledged; nothing more to do here."
        : "Thank you for acknowledging the partner brief. We are preparing your partner agreement.");
    return "redirect:/portal/brief";
  }
}
