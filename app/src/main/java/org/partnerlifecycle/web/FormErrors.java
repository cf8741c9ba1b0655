package org.partnerlifecycle.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import org.springframework.validation.BindingResult;

/**
 * Puts bean-validation violations of a domain form (a record the services validate) onto the web form's
 * binding result, next to the field they are about. The first message per field is enough for the reader.
 */
final class FormErrors {

  private FormErrors() {}

  static void reject(BindingResult binding, Collection<? extends ConstraintViolation<?>> violations,
      Map<String, String> fieldAliases) {
    for (ConstraintViolation<?> violation : violations) {
      Iterator<Path.Node> nodes = violation.getPropertyPath().iterator();
      String property = nodes.hasNext() ? nodes.next().getName() : null;
      String field = property == null ? null : fieldAliases.getOrDefault(property, property);
      if (field == null) {
        binding.reject("invalid", violation.getMessage());
      } else if (!binding.hasFieldErrors(field)) {
        binding.rejectValue(field, "invalid", violation.getMessage());
      }
    }
  }
}
