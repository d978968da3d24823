package org.serviceflow.calendar;

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
 */
@Component("deadlines")
public class Deadlines {

  /** End of the Nth working day counted from the next working day after {@code start}. */
  public Date workdaysFrom(Date start, int days) {
    throw new UnsupportedOperationException("contract stub");
  }

  /** End of the working day that lies {@code days} working days before the deadline's day (warnings). */
  public Date workdaysBefore(Date deadline, int days) {
    throw new UnsupportedOperationException("contract stub");
  }

  /** {@code start} plus calendar hours (7x24 clocks). */
  public Date hoursFrom(Date start, int hours) {
    throw new UnsupportedOperationException("contract stub");
  }

  /** Moves a deadline later by N working days (extensions): end of the Nth working day after the deadline's day. */
  public Date extendByWorkdays(Date deadline, int days) {
    throw new UnsupportedOperationException("contract stub");
  }
}
