package org.serviceflow.processchange;

import static org.serviceflow.processchange.ProcessChangeVariables.APPLICANT;
import static org.serviceflow.processchange.ProcessChangeVariables.ATTACHMENT_NAMES;
import static org.serviceflow.processchange.ProcessChangeVariables.CASE_NUMBER;
import static org.serviceflow.processchange.ProcessChangeVariables.RECEIVED_AT;
import static org.serviceflow.processchange.ProcessChangeVariables.TRAINING_GROUPS;

import java.util.ArrayList;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.casefile.CaseType;
import org.serviceflow.casefile.NewCase;
import org.serviceflow.notification.NotificationService;
import org.springframework.stereotype.Component;

/**
 * 登记 (Task_RegisterChange, PROCESSES.md C.1): opens the case file (LC + yyMM + serial), makes the case
 * number the business key, lists the attached files for the reviewers, turns the affected groups into
 * the training tasks' collection and acknowledges the application to the applicant (or to
 * enterprise-management when the applicant is unknown).
 */
@Component
class RegisterProcessChangeDelegate implements JavaDelegate {

  static final String OWNER_GROUP = "enterprise-management";
  static final String ACKNOWLEDGEMENT = "processChange.acknowledged";

  private final CaseFileService caseFiles;
  private final NotificationService notifications;
  private final AttachmentStore attachments;

  RegisterProcessChangeDelegate(CaseFileService caseFiles, NotificationService notifications, AttachmentStore attachments) {
    this.caseFiles = caseFiles;
    this.notifications = notifications;
    this.attachments = attachments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessChangeVariables change = ProcessChangeVariables.of(execution);
    Date receivedAt = ClockUtil.getCurrentTime();
    String caseNumber = caseFiles.open(new NewCase(CaseType.PROCESS_CHANGE, execution.getProcessInstanceId(),
        change.applicant(), null, null, null, change.category(), String.valueOf(change.level()), OWNER_GROUP,
        change.applicant(), receivedAt.toInstant()));

    execution.setProcessBusinessKey(caseNumber);
    execution.setVariable(CASE_NUMBER, caseNumber);
    execution.setVariable(RECEIVED_AT, receivedAt);
    execution.setVariable(APPLICANT, change.applicant());
    execution.setVariable(TRAINING_GROUPS, new ArrayList<>(change.affectedGroups()));
    execution.setVariable(ATTACHMENT_NAMES, attachmentNames(change.attachmentSetId()));
    if (change.applicant() != null) {
      notifications.toUser(caseNumber, change.applicant(), ACKNOWLEDGEMENT, change.noticeParams());
    } else {
      notifications.toGroup(caseNumber, OWNER_GROUP, ACKNOWLEDGEMENT, change.noticeParams());
    }
  }

  private String attachmentNames(String setId) {
    if (setId == null) {
      return "无";
    }
    String names = String.join("、", attachments.load(setId).stream().map(ModelFile::name).toList());
    return names.isEmpty() ? "无" : names;
  }
}
