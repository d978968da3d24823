package org.serviceflow.hotline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * 记录退单审核 (PROCESSES.md D.7): stores the dispatchers' decision on the return. Accepted: the appeal is
 * re-dispatched to the unit they chose ({@code redispatchUnit} becomes {@code handlingUnit}). Refused: it goes back to the unit, which takes it on now ({@code signedAt}); the
 * refused return is no answer in time, so the dispatch is counted as not signed in time (响应率, issue 12 item 5).
 */
@Component
class RecordReturnReviewDelegate implements JavaDelegate {

  private final AppealRecords records;

  RecordReturnReviewDelegate(AppealRecords records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    HotlineVariables appeal = HotlineVariables.of(execution);
    records.returnReviewed(appeal.caseNumber(), appeal.returnAccepted());
    if (appeal.returnAccepted()) {
      execution.setVariable(HotlineVariables.HANDLING_UNIT, appeal.redispatchUnit());
    } else {
      execution.setVariable(HotlineVariables.SIGNED_AT, ClockUtil.getCurrentTime());
    }
  }
}
