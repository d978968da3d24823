package org.serviceflow.processchange;

import java.time.LocalDate;
import java.util.Date;
import org.serviceflow.calendar.CalendarProperties;
import org.serviceflow.calendar.Deadlines;
import org.springframework.stereotype.Component;

/**
 * Bean "effectiveDates" for processChange.bpmn: the instant a change takes effect (the start of its
 * effective date in the calendar zone, Asia/Shanghai) and the training deadline before it.
 */
@Component("effectiveDates")
public class EffectiveDates {

  private final CalendarProperties calendar;
  private final Deadlines deadlines;

  EffectiveDates(CalendarProperties calendar, Deadlines deadlines) {
    this.calendar = calendar;
    this.deadlines = deadlines;
  }

  /** 00:00 of the ISO date (e.g. "2026-12-01") in the calendar zone. */
  public Date startOf(String effectiveDate) {
    return Date.from(LocalDate.parse(effectiveDate).atStartOfDay(calendar.zone()).toInstant());
  }

  /** End of the last working day before the effective date: training is confirmed by then. */
  public Date trainingDue(String effectiveDate) {
    Date endOfEffectiveDay = Date.from(LocalDate.parse(effectiveDate).atTime(calendar.endOfDay()).atZone(calendar.zone()).toInstant());
    return deadlines.workdaysBefore(endOfEffectiveDay, 1);
  }
}
