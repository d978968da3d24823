package org.serviceflow.calendar;

import jakarta.validation.Valid;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only calendar endpoints: the deadline the counting rule gives ({@code /workdays}), and how
 * each day of a range is treated ({@code /days}, for administrators checking a new year's file).
 * Bad parameters fail binding with {@code MethodArgumentNotValidException}, whose field errors
 * name each parameter; the shared handler in org.serviceflow.web renders them as problem details.
 */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

  private final WorkingDayCalendar calendar;

  CalendarController(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  @InitBinder("workdaysQuery")
  void parseStart(WebDataBinder binder) {
    binder.registerCustomEditor(OffsetDateTime.class, new StartEditor(calendar.zone()));
  }

  @InitBinder("daysQuery")
  void checkRange(WebDataBinder binder) {
    binder.addValidators(new DaysQuery.RangeValidator());
  }

  /** {@code GET /api/calendar/workdays?from=2026-09-30&days=3}: due 2026-10-10T17:30:00+08:00. */
  @GetMapping("/workdays")
  WorkdaysAnswer workdays(@Valid WorkdaysQuery query) {
    Instant from = query.from().toInstant();
    return new WorkdaysAnswer(inZone(from), query.days(), inZone(calendar.due(from, query.days())));
  }

  /** {@code GET /api/calendar/days?from=2026-09-28&to=2026-10-12}: each day, both ends included. */
  @GetMapping("/days")
  List<DayAnswer> days(@Valid DaysQuery query) {
    return calendar.days(query.from(), query.to()).stream().map(DayAnswer::of).toList();
  }

  private OffsetDateTime inZone(Instant instant) {
    return instant.atZone(calendar.zone()).toOffsetDateTime();
  }

  record WorkdaysAnswer(OffsetDateTime from, int days, OffsetDateTime due) {}

  record DayAnswer(
      LocalDate date,
      String weekday,
      boolean working,
      boolean holiday,
      boolean makeUpWorkday,
      String festival,
      boolean hasData) {

    static DayAnswer of(CalendarDay day) {
      return new DayAnswer(
          day.date(),
          day.date().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.CHINA),
          day.working(),
          day.holiday(),
          day.makeUpWorkday(),
          day.festival(),
          day.hasData());
    }
  }
}
