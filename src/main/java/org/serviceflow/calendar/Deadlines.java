package org.serviceflow.calendar;

import java.time.Instant;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Deadline expressions for BPMN: timer {@code timeDate}, task {@code camunda:dueDate} and
 * {@code camunda:followUpDate} all call this bean, e.g. {@code ${deadlines.workdaysFrom(receivedAt, 3)}},
 * so Tasklist shows the same instant at which the timer fires.
 *
 * <p>Counting rule: day 1 is the first working day after the day of receipt (whatever the time
 * of receipt, and whether or not that day is a working day); the deadline is the end of the Nth
 * working day (serviceflow.calendar.end-of-day, default 17:30, zone serviceflow.calendar.zone).
 *
 * <p>A null date or a negative count is a modelling error: the expression fails with an
 * {@link IllegalArgumentException} that names the method and the argument.
 */
@Component("deadlines")
public class Deadlines {

  private final WorkingDayCalendar calendar;

  Deadlines(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  /** End of the Nth working day counted from the next working day after {@code start}. */
  public Date workdaysFrom(Date start, int days) {
    return Date.from(calendar.due(instant(start, "workdaysFrom", "start"), count(days, "workdaysFrom")));
  }

  /** End of the working day that lies {@code days} working days before the deadline's day (warnings). */
  public Date workdaysBefore(Date deadline, int days) {
    return Date.from(
        calendar.workingDaysBefore(instant(deadline, "workdaysBefore", "deadline"), count(days, "workdaysBefore")));
  }

  /**
   * The end of the calendar day of {@code start} (24:00 in the calendar's zone, that is 00:00 of the next day):
   * the limit of a rule that asks for something on "the same day" (当天), whether or not it is a working day.
   */
  public Date sameDay(Date start) {
    Instant at = instant(start, "sameDay", "start");
    return Date.from(calendar.startOfDay(calendar.dayOf(at).plusDays(1)));
  }

  /** {@code start} plus calendar hours (7x24 clocks). */
  public Date hoursFrom(Date start, int hours) {
    return Date.from(calendar.addHours(instant(start, "hoursFrom", "start"), count(hours, "hoursFrom")));
  }

  /** Moves a deadline later by N working days (extensions): end of the Nth working day after the deadline's day. */
  public Date extendByWorkdays(Date deadline, int days) {
    return Date.from(calendar.due(instant(deadline, "extendByWorkdays", "deadline"), count(days, "extendByWorkdays")));
  }

  /** The instant of a recorded count, with the holiday data as it is now (see {@link CountedInstant}). */
  public Date count(CountedInstant counted) {
    return Date.from(counted.on(calendar));
  }

  private static Instant instant(Date date, String method, String argument) {
    if (date == null) {
      throw new IllegalArgumentException("deadlines." + method + ": " + argument
          + " is null; the process variable passed as " + argument + " is not set (modelling error)");
    }
    return date.toInstant();
  }

  private static int count(int value, String method) {
    if (value < 0) {
      throw new IllegalArgumentException("deadlines." + method + ": " + value + " must not be negative");
    }
    return value;
  }
}
