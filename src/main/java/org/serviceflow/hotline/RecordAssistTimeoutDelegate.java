package org.serviceflow.hotline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.notification.TaskNotices;
import org.springframework.stereotype.Component;

/**
 * 记录协办超时 (hotlineAssist, PROCESSES.md D.12，会办见 issue 11): the reply limit passed without a reply, so the part ends and the
 * lead unit does not wait for it. The reason (never signed for, or signed but no reply) is kept for the assessment,
 * on the case timeline (协办超时) and in the lead unit's text; the lead unit and the supervisors are notified.
 */
@Component
class RecordAssistTimeoutDelegate implements JavaDelegate {

  static final String TIMELINE_ACTION = "协办超时";

  private final AssistRecords records;
  private final AssistReplies replies;
  private final TaskNotices notices;
  private final CaseFileService caseFiles;

  RecordAssistTimeoutDelegate(AssistRecords records, AssistReplies replies, TaskNotices notices,
      CaseFileService caseFiles) {
    this.records = records;
    this.replies = replies;
    this.notices = notices;
    this.caseFiles = caseFiles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    HotlineVariables part = HotlineVariables.of(execution);
    String reason = part.assistSignedAt() == null ? "逾期未签收，未答复" : "已签收，逾期未答复";
    execution.setVariable(HotlineVariables.ASSIST_TIMEOUT_REASON, reason);
    records.timedOut(part.caseNumber(), part.assistingUnit(), reason);
    caseFiles.record(part.caseNumber(), null, TIMELINE_ACTION, execution.getCurrentActivityId(),
        part.assistingUnitName() + "：" + reason + "，主办单位不再等待");
    replies.refreshLead(execution, part.caseNumber());
    notices.toGroups(execution, HotlineVariables.of(execution).noticeParams());
  }
}
