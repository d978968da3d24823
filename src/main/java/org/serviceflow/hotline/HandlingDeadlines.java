package org.serviceflow.hotline;

import java.util.Date;
import org.serviceflow.calendar.Deadlines;
import org.springframework.stereotype.Component;

/**
 * The handling limit (红灯) and its warning (黄灯) of an appeal (PROCESSES.md D.8), from the limits of decision
 * hotlineTimeLimits: working days counted from the start (dispatch, or the start of a re-handling), with the warning
 * {@code warningWorkdays} before; urgent appeals in calendar hours, with the warning {@code warningHours} before.
 */
@Component
class HandlingDeadlines {

  record Limit(Date dueAt, Date warningAt) {
  }

  private final Deadlines deadlines;

  HandlingDeadlines(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  Limit from(Date start, HotlineVariables appeal) {
    if (appeal.handlingHours() > 0) {
      return new Limit(deadlines.hoursFrom(start, appeal.handlingHours()),
          deadlines.hoursFrom(start, Math.max(0, appeal.handlingHours() - appeal.warningHours())));
    }
    Date due = deadlines.workdaysFrom(start, appeal.handlingWorkdays());
    return new Limit(due, deadlines.workdaysBefore(due, appeal.warningWorkdays()));
  }

  /** The same limit moved later by N working days (an approved extension), warning included. */
  Limit extend(Limit limit, int workdays) {
    return new Limit(deadlines.extendByWorkdays(limit.dueAt(), workdays),
        deadlines.extendByWorkdays(limit.warningAt(), workdays));
  }
}
