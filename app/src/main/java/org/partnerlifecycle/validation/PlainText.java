package org.partnerlifecycle.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * Text as a person types it: no control characters (a NUL byte would reach the database and the engine; tab and
 * line breaks are fine) and no text-direction overrides or isolates (U+202A-U+202E, U+2066-U+2069), which make a
 * name display differently from what it is. Emoji, accents and joiners are text and pass. Null passes.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface PlainText {

  String message() default "Remove control or text-direction characters";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<PlainText, CharSequence> {

    private static final Pattern FORBIDDEN =
        Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069]");

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
      return value == null || !FORBIDDEN.matcher(value).find();
    }
  }
}
