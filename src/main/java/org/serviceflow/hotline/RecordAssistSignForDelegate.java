package org.serviceflow.hotline;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.serviceflow.notification.TaskNotices;
import org.springframework.stereotype.Component;

/**
 * 记录协办签收 (hotlineAssist, PROCESSES.md D.12，会办见 issue 11): the assisting unit signed for its part, in time when at or before
 * {@code assistSignDueAt} (协办签收及时率). The lead unit's text and a notice to the lead unit follow.
 */
@Component
class RecordAssistSignForDelegate implements JavaDelegate {

  private final AssistRecords records;
  private final AssistReplies replies;
  private final TaskNotices notices;

  RecordAssistSignForDelegate(AssistRecords records, AssistReplies replies, TaskNotices notices) {
    this.records = records;
    this.replies = replies;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    HotlineVariables part = HotlineVariables.of(execution);
    Date now = ClockUtil.getCurrentTime();
    execution.setVariable(HotlineVariables.ASSIST_SIGNED_AT, now);
    records.signed(part.caseNumber(), part.assistingUnit(), now, !now.after(part.assistSignDueAt()));
    replies.refreshLead(execution, part.caseNumber());
    notices.toGroups(execution, part.noticeParams());
  }
}
