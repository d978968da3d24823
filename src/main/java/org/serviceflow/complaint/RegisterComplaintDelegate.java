package org.serviceflow.complaint;

import static org.serviceflow.complaint.ComplaintVariables.CASE_NUMBER;
import static org.serviceflow.complaint.ComplaintVariables.RECEIVED_AT;
import static org.serviceflow.complaint.ComplaintVariables.UNSATISFIED_ROUNDS;

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
 * 登记立案 (Task_RegisterComplaint, PROCESSES.md A.2): opens the case file (case number TS + yyMM + serial),
 * makes the case number the business key, stamps the receipt time every deadline counts from, and writes
 * the acknowledgement to the customer into the outbox. Runs in the intake's transaction: if anything
 * fails, nothing is written.
 */
@Component
class RegisterComplaintDelegate implements JavaDelegate {

  /** The intake clerk's group owns the case (首问负责, 002:7–14). */
  static final String OWNER_GROUP = "customer-service";
  static final String ACKNOWLEDGEMENT = "complaint.acknowledged";

  private final CaseFileService caseFiles;
  private final NotificationService notifications;

  RegisterComplaintDelegate(CaseFileService caseFiles, NotificationService notifications) {
    this.caseFiles = caseFiles;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ComplaintVariables complaint = ComplaintVariables.of(execution);
    Date receivedAt = ClockUtil.getCurrentTime();
    String caseNumber = caseFiles.open(new NewCase(CaseType.COMPLAINT, execution.getProcessInstanceId(),
        complaint.customerName(), complaint.customerPhone(), complaint.customerEmail(), complaint.channel(),
        complaint.category(), complaint.severity(), OWNER_GROUP, complaint.intakeUser(), receivedAt.toInstant()));

    execution.setProcessBusinessKey(caseNumber);
    execution.setVariable(CASE_NUMBER, caseNumber);
    execution.setVariable(RECEIVED_AT, receivedAt);
    execution.setVariable(UNSATISFIED_ROUNDS, 0);
    notifications.toCustomer(caseNumber, ACKNOWLEDGEMENT, complaint.noticeParams(), complaint.customerEmail(),
        complaint.customerPhone());
  }
}
