package org.serviceflow.pause;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.serviceflow.calendar.WorkingDayCalendar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shift a clock-stopping pause gives a deadline, in one place: the paused working time is measured with the
 * calendar from the pause's start to its end, and a deadline after the start moves later by it. Resume uses it
 * ({@link PausedDeadlines}); a recalculation of deadlines applies a case's ended pauses again with it
 * ({@link #afterEndedPauses}).
 */
@Component
public class PausedWorkingTime {

  private final CasePauseRepository pauses;
  private final WorkingDayCalendar calendar;

  PausedWorkingTime(CasePauseRepository pauses, WorkingDayCalendar calendar) {
    this.pauses = pauses;
    this.calendar = calendar;
  }

  /** The working time between a pause's start and its end. */
  Duration between(Instant startedAt, Instant endedAt) {
    return calendar.workingTimeBetween(startedAt, endedAt);
  }

  /** The instant moved by the paused working time, or null when it lies before the pause (it is left alone). */
  Date shifted(Date at, Instant pausedAt, Duration paused) {
    if (at == null || !at.toInstant().isAfter(pausedAt) || paused.isZero()) {
      return null;
    }
    return Date.from(calendar.addWorkingTime(at.toInstant(), paused));
  }

  /**
   * {@code at} with the case's ended, clock-stopping pauses applied again in order, as resume applied them, each
   * measured with the calendar as it is now. Only pauses that ended after {@code existingSince} (the deadline
   * existed when they were resumed) apply; a running pause moves nothing (its resume will).
   */
  @Transactional(readOnly = true)
  public Date afterEndedPauses(String caseNumber, Date at, Date existingSince) {
    Date result = at;
    for (CasePause pause : pauses.findByCaseNumberOrderByStartedAtAsc(caseNumber)) {
      if (!pause.isStopsClock() || pause.getEndedAt() == null
          || (existingSince != null && !existingSince.toInstant().isBefore(pause.getEndedAt()))) {
        continue;
      }
      Date moved = shifted(result, pause.getStartedAt(), between(pause.getStartedAt(), pause.getEndedAt()));
      if (moved != null) {
        result = moved;
      }
    }
    return result;
  }
}
