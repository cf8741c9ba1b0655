package org.partnerlifecycle.partner;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;

/** Short lists of labels (regions, areas of expertise) stored as one comma-separated column. */
@Converter
public class StringListConverter implements AttributeConverter<List<String>, String> {

  @Override
  public String convertToDatabaseColumn(List<String> values) {
    return values == null || values.isEmpty() ? "" : String.join(",", values);
  }

  @Override
  public List<String> convertToEntityAttribute(String column) {
    return column == null || column.isBlank()
        ? List.of()
        : Arrays.stream(column.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
