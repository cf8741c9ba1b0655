package org.partnerlifecycle.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.console.AuditSearch.AuditRow;

/** The export formats on their own: RFC 4180 quoting, the BOM, the formula-injection guard, the JSON shape. */
class AuditExportTest {

  static AuditRow row(String partnerName, String actor, String payload) {
    return new AuditRow(7, Instant.parse("2026-03-01T10:15:30.123Z"), 42, partnerName, "STAGE_CHANGED", "APPLIED",
        "QUALIFIED", "STAFF", actor, 2251799813685249L, "partner-onboarding", 3, "RecordQualified", payload);
  }

  static String csv(AuditRow... rows) throws Exception {
    var out = new ByteArrayOutputStream();
    try (var csv = new AuditExport.CsvWriter(out)) {
      Arrays.stream(rows).forEach(csv::row);
    }
    byte[] bytes = out.toByteArray();
    assertThat(Arrays.copyOf(bytes, 3)).as("UTF-8 byte order mark").containsExactly(0xEF, 0xBB, 0xBF);
    return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
  }

  @Test
  void csvHasAHeaderAndOneCrlfTerminatedLinePerEventInAFixedColumnOrder() throws Exception {
    String text = csv(row("Müller Systemhaus GmbH", "olivia.ops", "{\"reason\":\"fit\"}"));
    String[] lines = text.split("\r\n", -1);
    assertThat(lines).hasSize(3);
    assertThat(lines[2]).isEmpty();
    assertThat(lines[0]).isEqualTo("occurred_at_utc,event_id,partner_id,partner_name,event_type,stage_from,stage_to,"
        + "actor_type,actor,bpmn_process_id,process_version,element_id,process_instance_key,details");
    assertThat(lines[1]).isEqualTo("2026-03-01T10:15:30.123Z,7,42,Müller Systemhaus GmbH,STAGE_CHANGED,APPLIED,"
        + "QUALIFIED,STAFF,olivia.ops,partner-onboarding,3,RecordQualified,2251799813685249,\"{\"\"reason\"\":\"\"fit\"\"}\"");
  }

  @Test
  void cellsWithCommasQuotesOrLineBreaksAreQuotedWithQuotesDoubled() throws Exception {
    String line = csv(row("Smith, Jones & \"Partners\"", "olivia", null)).split("\r\n")[1];
    assertThat(line).contains(",\"Smith, Jones & \"\"Partners\"\"\",").endsWith(",2251799813685249,");
    assertThat(csv(row("x", "line1\nline2", null))).contains(",\"line1\nline2\",");
    assertThat(csv(row("x", "line1\r\nline2", null))).contains(",\"line1\r\nline2\",");
  }

  @Test
  void cellsThatASpreadsheetWouldEvaluateAsAFormulaArePrefixedWithAQuote() throws Exception {
    assertThat(AuditExport.text("=HYPERLINK(\"http://evil.example\")")).isEqualTo("'=HYPERLINK(\"http://evil.example\")");
    assertThat(AuditExport.text("+49 30 1234")).isEqualTo("'+49 30 1234");
    assertThat(AuditExport.text("-2+3")).isEqualTo("'-2+3");
    assertThat(AuditExport.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(AuditExport.text("\tcmd")).isEqualTo("'\tcmd");
    assertThat(AuditExport.text("Acme = good")).isEqualTo("Acme = good");
    String line = csv(row("=cmd|' /C calc'!A0", "@evil", null)).split("\r\n")[1];
    assertThat(line).contains(",'=cmd|' /C calc'!A0,").contains(",'@evil,");
  }

  @Test
  void jsonIsAnArrayOfEventsWithPartnerActorProcessAndThePayloadAsAnObject() throws Exception {
    var out = new ByteArrayOutputStream();
    try (var json = new AuditExport.JsonWriter(out)) {
      json.row(row("Acme \"Quoted\" Ltd", "olivia.ops", "{\"reason\":\"fit\",\"score\":45}"));
      json.row(new AuditRow(8, Instant.parse("2026-03-01T09:00:00Z"), 42, "Acme", "PARTNER_REGISTERED", null, null,
          "SYSTEM", "system", null, null, null, null, null));
    }
    JsonNode events = new ObjectMapper().readTree(out.toByteArray());
    assertThat(events.isArray()).isTrue();
    assertThat(events).hasSize(2);
    JsonNode first = events.get(0);
    assertThat(first.path("occurredAt").asText()).isEqualTo("2026-03-01T10:15:30.123Z");
    assertThat(first.path("id").asLong()).isEqualTo(7);
    assertThat(first.path("partner").path("id").asLong()).isEqualTo(42);
    assertThat(first.path("partner").path("name").asText()).isEqualTo("Acme \"Quoted\" Ltd");
    assertThat(first.path("eventType").asText()).isEqualTo("STAGE_CHANGED");
    assertThat(first.path("stageFrom").asText()).isEqualTo("APPLIED");
    assertThat(first.path("actor").path("type").asText()).isEqualTo("STAFF");
    assertThat(first.path("process").path("bpmnProcessId").asText()).isEqualTo("partner-onboarding");
    assertThat(first.path("process").path("version").asInt()).isEqualTo(3);
    assertThat(first.path("process").path("instanceKey").asLong()).isEqualTo(2251799813685249L);
    assertThat(first.path("payload").path("score").asInt()).isEqualTo(45);
    JsonNode second = events.get(1);
    assertThat(second.path("process").isNull()).isTrue();
    assertThat(second.path("payload").isNull()).isTrue();
    assertThat(second.path("stageTo").isNull()).isTrue();
  }
}
