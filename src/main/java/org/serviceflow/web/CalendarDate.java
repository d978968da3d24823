package org.serviceflow.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * A date of the years 1900 to 2999. JSON accepts any year Java can hold (e.g. -10089493-01-01), and such a date
 * cannot be written back as an ISO date in a process variable; no case of a service centre has one. Null passes: add
 * {@code @NotNull} where the date is required.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CalendarDate.Validator.class)
public @interface CalendarDate {

  LocalDate FIRST = LocalDate.of(1900, 1, 1);
  LocalDate LAST = LocalDate.of(2999, 12, 31);

  String message() default "日期超出范围（1900-01-01 至 2999-12-31）";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks the range. */
  class Validator implements ConstraintValidator<CalendarDate, LocalDate> {
    @Override
    public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
      return value == null || !value.isBefore(FIRST) && !value.isAfter(LAST);
    }
  }
}
