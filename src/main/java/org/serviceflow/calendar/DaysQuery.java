package org.serviceflow.calendar;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/** Query of {@code GET /api/calendar/days}: a range of at most {@value #MAX_DAYS} days, both ends included. */
record DaysQuery(
    @NotNull @DateTimeFormat(iso = ISO.DATE) LocalDate from, @NotNull @DateTimeFormat(iso = ISO.DATE) LocalDate to) {

  static final int MAX_DAYS = 366;

  /** Rejects {@code to} when it lies before {@code from} or too far after it. */
  static final class RangeValidator implements Validator {

    @Override
    public boolean supports(Class<?> type) {
      return DaysQuery.class.equals(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
      if (!(target instanceof DaysQuery query) || query.from() == null || query.to() == null) {
        return;
      }
      long days = ChronoUnit.DAYS.between(query.from(), query.to()) + 1;
      if (days < 1) {
        errors.rejectValue("to", "Range", "不能早于 from");
      } else if (days > MAX_DAYS) {
        errors.rejectValue("to", "Range", "与 from 相隔不能超过 " + MAX_DAYS + " 天（含首尾）");
      }
    }
  }
}
