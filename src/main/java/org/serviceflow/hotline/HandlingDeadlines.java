package org.serviceflow.hotline;

import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.serviceflow.calendar.CountedInstant;
import org.serviceflow.recalculation.CountedDeadlines;
import org.springframework.stereotype.Component;

/**
 * The handling limit (红灯) and its warning (黄灯) of an appeal (PROCESSES.md D.8), from the limits of decision
 * hotlineTimeLimits: working days counted from the start (dispatch, or the start of a re-handling), with the warning
 * {@code warningWorkdays} before; urgent appeals in calendar hours, with the warning {@code warningHours} before.
 * Set as {@code handlingDueAt} / {@code handlingWarningAt} together with how they were counted
 * ({@link CountedDeadlines}), so that a change of the holiday data moves them, an approved extension included.
 */
@Component
class HandlingDeadlines {

  static final String DUE_LABEL = "办理时限";
  static final String WARNING_LABEL = "办理预警";

  /** How the limit and its warning are counted. */
  record Limit(CountedInstant due, CountedInstant warning) {
  }

  /** The instants a limit gave. */
  record Instants(Date dueAt, Date warningAt) {
  }

  private final CountedDeadlines counted;

  HandlingDeadlines(CountedDeadlines counted) {
    this.counted = counted;
  }

  Limit from(Date start, HotlineVariables appeal) {
    CountedInstant basis = CountedInstant.from(start);
    if (appeal.handlingHours() > 0) {
      return new Limit(basis.plusHours(appeal.handlingHours()),
          basis.plusHours(Math.max(0, appeal.handlingHours() - appeal.warningHours())));
    }
    CountedInstant due = basis.workdaysAfter(appeal.handlingWorkdays());
    return new Limit(due, due.workdaysBefore(appeal.warningWorkdays()));
  }

  /**
   * The running limit of the appeal, as it was counted; a limit set before counts were recorded counts from its
   * instants.
   */
  Limit running(VariableScope execution, HotlineVariables appeal) {
    return new Limit(
        counted.of(execution, HotlineVariables.HANDLING_DUE_AT).orElseGet(() -> CountedInstant.from(appeal.handlingDueAt())),
        counted.of(execution, HotlineVariables.HANDLING_WARNING_AT)
            .orElseGet(() -> CountedInstant.from(appeal.handlingWarningAt())));
  }

  /** The same limit moved later by N working days (an approved extension), warning included. */
  Limit extend(Limit limit, int workdays) {
    return new Limit(limit.due().workdaysAfter(workdays), limit.warning().workdaysAfter(workdays));
  }

  /** Sets {@code handlingDueAt} and {@code handlingWarningAt} with their counts. */
  Instants set(VariableScope execution, Limit limit) {
    return new Instants(counted.set(execution, HotlineVariables.HANDLING_DUE_AT, DUE_LABEL, limit.due()),
        counted.set(execution, HotlineVariables.HANDLING_WARNING_AT, WARNING_LABEL, limit.warning()));
  }
}
