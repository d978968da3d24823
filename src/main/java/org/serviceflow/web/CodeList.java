package org.serviceflow.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;

/**
 * The field holds one of the codes of a code list (an enum of {@link Coded} constants, e.g. a complaint category).
 * Blank values pass: combine with {@code @NotBlank} where the field is required.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CodeList.Validator.class)
public @interface CodeList {

  /** The code list: an enum whose constants implement {@link Coded}. */
  Class<? extends Coded> value();

  String message() default "不是有效的代码";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** A constant of a code list: the code stored in process variables and its Chinese label. */
  interface Coded {
    String code();

    String label();

    /** The Chinese label of a code in a code list; an unknown code is shown as it is. */
    static String labelOf(Coded[] codes, String code) {
      for (Coded coded : codes) {
        if (coded.code().equals(code)) {
          return coded.label();
        }
      }
      return code;
    }
  }

  /** Checks the value against the enum's codes and lists them in the message. */
  class Validator implements ConstraintValidator<CodeList, String> {

    private String[] codes;

    @Override
    public void initialize(CodeList annotation) {
      codes = Arrays.stream(annotation.value().getEnumConstants()).map(Coded::code).toArray(String[]::new);
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null || value.isBlank() || Arrays.asList(codes).contains(value)) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate("必须是以下代码之一: " + String.join(", ", codes))
          .addConstraintViolation();
      return false;
    }
  }
}
