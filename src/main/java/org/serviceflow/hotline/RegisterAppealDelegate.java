package org.serviceflow.hotline;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.casefile.CaseType;
import org.serviceflow.casefile.NewCase;
import org.springframework.stereotype.Component;

/**
 * 登记诉求 (Task_RegisterAppeal, PROCESSES.md D.1): opens the case file (case number RX + yyMMdd + serial), makes
 * the case number the business key and stamps the receipt time. A confidential citizen's or a 举报 reporter's name
 * and phone are kept in the case file only and removed from the process variables (002:486), so no task of the
 * handling unit can read them. Runs in the intake's transaction: if anything fails, nothing is written.
 */
@Component
class RegisterAppealDelegate implements JavaDelegate {

  static final String OWNER_GROUP = "hotline-operators";
  static final String CHANNEL = "12345";

  private final CaseFileService caseFiles;
  private final AppealRecords records;

  RegisterAppealDelegate(CaseFileService caseFiles, AppealRecords records) {
    this.caseFiles = caseFiles;
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    HotlineVariables appeal = HotlineVariables.of(execution);
    Date receivedAt = ClockUtil.getCurrentTime();
    String caseNumber = caseFiles.open(new NewCase(CaseType.HOTLINE, execution.getProcessInstanceId(),
        appeal.citizenName(), appeal.citizenPhone(), null, CHANNEL, appeal.category(), appeal.urgency(), OWNER_GROUP,
        appeal.intakeUser(), receivedAt.toInstant()));

    execution.setProcessBusinessKey(caseNumber);
    execution.setVariable(HotlineVariables.CASE_NUMBER, caseNumber);
    execution.setVariable(HotlineVariables.RECEIVED_AT, receivedAt);
    execution.setVariable(HotlineVariables.CONFIDENTIAL, appeal.confidential());
    execution.setVariable(HotlineVariables.REHANDLES, 0);
    execution.setVariable(HotlineVariables.CONTACT_ATTEMPTS, 0);
    execution.setVariable(HotlineVariables.EXTENDED, false);
    execution.setVariable(HotlineVariables.VISIT_REHANDLED, false);
    if (appeal.confidential()) {
      execution.removeVariable(HotlineVariables.CITIZEN_NAME);
      execution.removeVariable(HotlineVariables.CITIZEN_PHONE);
    }
    records.received(caseNumber, execution.getProcessInstanceId(), appeal, receivedAt);
  }
}
