package org.partnerlifecycle.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Audit search across partners, and its export as CSV or JSON. Read only: the audit log is append-only, and
 * nothing here (or anywhere) offers to change or delete an entry.
 */
@Controller
class AuditController {

  static final int PAGE_ROWS = 50;
  private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
      .withZone(ZoneOffset.UTC);

  private final AuditSearch search;
  private final Clock clock;

  AuditController(AuditSearch search, Clock clock) {
    this.search = search;
    this.clock = clock;
  }

  /** The search fields as entered, to show them again and to carry them to the exports. */
  record SearchForm(String from, String to, String type, String actor, String partner) {
    /** The non-empty fields as URL query parameters (without '?'). */
    public String query() {
      return new QueryString().add("from", from).add("to", to).add("type", type).add("actor", actor)
          .add("partner", partner).toString();
    }
  }

  @GetMapping("/console/audit")
  String search(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String type, @RequestParam(required = false) String actor,
      @RequestParam(required = false) String partner, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size, HttpServletRequest request, Model model) {
    var parsed = AuditCriteria.parse(from, to, type, actor, partner);
    int pageSize = Pager.size(size, PAGE_ROWS);
    int number = Pager.page(page);
    List<AuditSearch.AuditRow> rows = parsed.valid()
        ? search.page(parsed.criteria(), pageSize + 1, (long) number * pageSize) : List.of();
    model.addAttribute("rows", rows.size() > pageSize ? rows.subList(0, pageSize) : rows);
    model.addAttribute("pager", Pager.uncounted(request, "page", number, pageSize, rows.size() > pageSize));
    model.addAttribute("errors", parsed.errors());
    model.addAttribute("form", new SearchForm(from, to, type, actor, partner));
    model.addAttribute("eventTypes", search.eventTypes());
    return "console/audit";
  }

  @GetMapping("/console/audit/export.csv")
  void exportCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String type, @RequestParam(required = false) String actor,
      @RequestParam(required = false) String partner, HttpServletResponse response) throws IOException {
    AuditCriteria criteria = validCriteria(from, to, type, actor, partner);
    start(response, "text/csv;charset=UTF-8", "csv");
    try (var csv = new AuditExport.CsvWriter(response.getOutputStream())) {
      search.forEach(criteria, csv::row);
    }
  }

  @GetMapping("/console/audit/export.json")
  void exportJson(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String type, @RequestParam(required = false) String actor,
      @RequestParam(required = false) String partner, HttpServletResponse response) throws IOException {
    AuditCriteria criteria = validCriteria(from, to, type, actor, partner);
    start(response, MediaType.APPLICATION_JSON_VALUE, "json");
    try (var json = new AuditExport.JsonWriter(response.getOutputStream())) {
      search.forEach(criteria, json::row);
    }
  }

  private static AuditCriteria validCriteria(String from, String to, String type, String actor, String partner) {
    var parsed = AuditCriteria.parse(from, to, type, actor, partner);
    if (!parsed.valid()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, String.join(" ", parsed.errors()));
    }
    return parsed.criteria();
  }

  private void start(HttpServletResponse response, String contentType, String extension) {
    response.setContentType(contentType);
    response.setCharacterEncoding("UTF-8");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
        "attachment; filename=\"audit-" + FILE_STAMP.format(clock.instant()) + "." + extension + "\"");
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
  }
}
