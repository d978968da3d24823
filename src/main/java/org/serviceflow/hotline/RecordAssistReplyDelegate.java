package org.serviceflow.hotline;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.serviceflow.notification.TaskNotices;
import org.springframework.stereotype.Component;

/**
 * 记录协办答复 (hotlineAssist, PROCESSES.md D.12，会办见 issue 11): the assisting unit replied to the lead unit, in time when at or
 * before {@code assistReplyDueAt} (协办答复及时率). The reply goes into the lead unit's text; the lead unit is notified.
 */
@Component
class RecordAssistReplyDelegate implements JavaDelegate {

  private final AssistRecords records;
  private final AssistReplies replies;
  private final TaskNotices notices;

  RecordAssistReplyDelegate(AssistRecords records, AssistReplies replies, TaskNotices notices) {
    this.records = records;
    this.replies = replies;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    HotlineVariables part = HotlineVariables.of(execution);
    Date now = ClockUtil.getCurrentTime();
    records.replied(part.caseNumber(), part.assistingUnit(), now, !now.after(part.assistReplyDueAt()),
        part.assistReply());
    replies.refreshLead(execution, part.caseNumber());
    notices.toGroups(execution, part.noticeParams());
  }
}
