package org.serviceflow.hotline;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * 记录签收 (PROCESSES.md D.5, D.7): records the unit's answer to the dispatch for the assessment: in time when
 * given by {@code signDueAt} (响应率); a return (退单) is counted against the unit (退单率) and noted as within the
 * {@code returnWorkdays} window or not, for the dispatchers' review. A signed appeal is taken on now: first contact
 * counts from {@code signedAt}.
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
    records.responded(appeal.caseNumber(), now, !now.after(appeal.signDueAt()), returned,
        returned ? appeal.returnReason() : null, !now.after(appeal.returnDueAt()));
    if (!returned) {
      execution.setVariable(HotlineVariables.SIGNED_AT, now);
    }
  }
}
