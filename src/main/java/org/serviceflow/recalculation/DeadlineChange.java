package org.serviceflow.recalculation;

import java.time.OffsetDateTime;

/**
 * A running deadline whose instant differs from what the current holiday data gives.
 *
 * @param caseNumber the case (the process instance's business key)
 * @param kind       VARIABLE (a process variable a delegate counted, e.g. handlingDueAt), TIMER (a timer job),
 *                   TASK_DUE / TASK_FOLLOW_UP (a user task's due or follow-up date) or CASE_DEADLINE (a deadline
 *                   of the case file, e.g. VERIFICATION, due or warning)
 * @param id         the variable name, the job id, the task id, or the case-file deadline kind
 * @param name       the variable's Chinese label, the element's Chinese name (timer, task) or the deadline kind
 * @param oldAt      the instant now stored
 * @param newAt      the instant with the current holiday data
 * @param overdue    the new instant has already passed (a timer then fires at once)
 */
public record DeadlineChange(String caseNumber, String processInstanceId, String kind, String id, String name,
    OffsetDateTime oldAt, OffsetDateTime newAt, boolean overdue) {

  static final String VARIABLE = "VARIABLE";
  static final String TIMER = "TIMER";
  static final String TASK_DUE = "TASK_DUE";
  static final String TASK_FOLLOW_UP = "TASK_FOLLOW_UP";
  static final String CASE_DEADLINE = "CASE_DEADLINE";
}
