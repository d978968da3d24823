package org.serviceflow.hotline;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * 记录签收 (PROCESSES.md D.5, D.7): records the unit's answer to the dispatch for the assessment: in time when
 * given by {@code signDueAt} (响应率); a return (退单) by {@code returnDueAt} (the {@code returnWorkdays} window
 * counted from the dispatch) is counted against the unit (退单率) and goes to the dispatchers' review. A return asked
 * for after {@code returnDueAt} is no return: {@code returnInTime} is false, so Gateway_ReturnInTime refuses it and
 * sends the appeal back to sign-for; it is counted in {@code lateReturnAttempts} only, and the dispatch stays
 * unanswered until the unit signs. A signed appeal is taken on now: first contact counts from {@code signedAt}.
 */
@Component
class RecordSignForDelegate implements JavaDelegate {

  private final AppealRecords records;

  RecordSignForDelegate(AppealRecords records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    HotlineVariables appeal = HotlineVariables.of(execution);
    Date now = ClockUtil.getCurrentTime();
    boolean returned = appeal.returned();
    boolean returnInTime = !now.after(appeal.returnDueAt());
    execution.setVariable(HotlineVariables.RETURN_IN_TIME, returnInTime);
    if (returned && !returnInTime) {
      execution.setVariable(HotlineVariables.LATE_RETURN_ATTEMPTS, appeal.lateReturnAttempts() + 1);
      return;
    }
    records.responded(appeal.caseNumber(), now, !now.after(appeal.signDueAt()), returned,
        returned ? appeal.returnReason() : null, returnInTime);
    if (!returned) {
      execution.setVariable(HotlineVariables.SIGNED_AT, now);
    }
  }
}
