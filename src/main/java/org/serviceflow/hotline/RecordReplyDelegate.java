package org.serviceflow.hotline;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * 记录答复 (PROCESSES.md D.10): the unit replied. Stamps {@code repliedAt} (the return visit counts from it) and
 * records whether the reply came within the running handling limit, extension included (按时办结率).
 */
@Component
class RecordReplyDelegate implements JavaDelegate {

  private final AppealRecords records;

  RecordReplyDelegate(AppealRecords records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    HotlineVariables appeal = HotlineVariables.of(execution);
    Date now = ClockUtil.getCurrentTime();
    execution.setVariable(HotlineVariables.REPLIED_AT, now);
    records.replied(appeal.caseNumber(), now, !now.after(appeal.handlingDueAt()));
  }
}
