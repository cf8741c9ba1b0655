package org.partnerlifecycle.console;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.partnerlifecycle.console.AuditSearch.AuditRow;

/**
 * Writes audit rows as they stream in. CSV follows RFC 4180 (CRLF, quotes doubled, a field quoted when it holds a
 * comma, quote or line break), starts with a UTF-8 byte order mark so spreadsheets read it as UTF-8, and defuses
 * formula injection: a text cell starting with = + - @ (or a tab or carriage return) gets a leading single quote,
 * so a spreadsheet shows it instead of evaluating it.
 */
final class AuditExport {

  static final List<String> CSV_COLUMNS = List.of("occurred_at_utc", "event_id", "partner_id", "partner_name",
      "event_type", "stage_from", "stage_to", "actor_type", "actor", "bpmn_process_id", "process_version",
      "element_id", "process_instance_key", "details");
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final ObjectMapper JSON = new ObjectMapper();

  private AuditExport() {}

  /** A CSV export: header first; call {@link CsvWriter#row} per event, then close. */
  static final class CsvWriter implements AutoCloseable {
    private final Writer out;

    CsvWriter(OutputStream stream) throws IOException {
      stream.write(UTF8_BOM);
      this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
      line(CSV_COLUMNS.toArray(String[]::new));
    }

    void row(AuditRow r) {
      line(r.occurredAt().toString(), number(r.id()), number(r.partnerId()), text(r.partnerName()),
          text(r.eventType()), text(r.stageFrom()), text(r.stageTo()), text(r.actorType()), text(r.actor()),
          text(r.bpmnProcessId()), number(r.processVersion()), text(r.elementId()), number(r.processInstanceKey()),
          text(r.payload()));
    }

    private void line(String... cells) {
      try {
        out.write(String.join(",", Arrays.stream(cells).map(AuditExport::quote).toList()));
        out.write("\r\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }

  /** A JSON export: an array of event objects, written one by one. */
  static final class JsonWriter implements AutoCloseable {
    private final JsonGenerator json;

    JsonWriter(OutputStream stream) throws IOException {
      this.json = JSON.getFactory().createGenerator(stream);
      json.writeStartArray();
    }

    void row(AuditRow r) {
      try {
        json.writeStartObject();
        json.writeStringField("occurredAt", r.occurredAt().toString());
        json.writeNumberField("id", r.id());
        json.writeObjectFieldStart("partner");
        json.writeNumberField("id", r.partnerId());
        json.writeStringField("name", r.partnerName());
        json.writeEndObject();
        json.writeStringField("eventType", r.eventType());
        json.writeStringField("stageFrom", r.stageFrom());
        json.writeStringField("stageTo", r.stageTo());
        json.writeObjectFieldStart("actor");
        json.writeStringField("type", r.actorType());
        json.writeStringField("name", r.actor());
        json.writeEndObject();
        if (r.bpmnProcessId() == null && r.processInstanceKey() == null) {
          json.writeNullField("process");
        } else {
          json.writeObjectFieldStart("process");
          json.writeStringField("bpmnProcessId", r.bpmnProcessId());
          writeNumberOrNull("version", r.processVersion());
          json.writeStringField("elementId", r.elementId());
          writeNumberOrNull("instanceKey", r.processInstanceKey());
          json.writeEndObject();
        }
        json.writeFieldName("payload");
        writePayload(r.payload());
        json.writeEndObject();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void writeNumberOrNull(String field, Number value) throws IOException {
      if (value == null) {
        json.writeNullField(field);
      } else {
        json.writeNumberField(field, value.longValue());
      }
    }

    /** The payload as a JSON object; text that is not JSON (never written by the app) as a string. */
    private void writePayload(String payload) throws IOException {
      if (payload == null || payload.isBlank()) {
        json.writeNull();
        return;
      }
      try {
        json.writeTree(JSON.readTree(payload));
      } catch (JsonProcessingException notJson) {
        json.writeString(payload);
      }
    }

    @Override
    public void close() throws IOException {
      json.writeEndArray();
      json.flush();
    }
  }

  static String text(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    char first = value.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
        ? "'" + value : value;
  }

  private static String number(Number value) {
    return value == null ? "" : value.toString();
  }

  /** RFC 4180: quoted when needed, quotes doubled. */
  static String quote(String cell) {
    if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
      return "\"" + cell.replace("\"", "\"\"") + "\"";
    }
    return cell;
  }
}
