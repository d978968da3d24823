package org.serviceflow.hotline;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.casefile.CaseView;
import org.serviceflow.notification.TaskNotices;
import org.springframework.stereotype.Component;

/**
 * Tells the citizen something by SMS (acknowledgement with case number and time limit, 000:276; who handles the
 * appeal, D.5; the close); the template is the service task's input parameter noticeTemplate ({@link TaskNotices}).
 * Name and phone come from the case file, because a confidential citizen's are not in the process variables.
 */
@Component
class NotifyCitizenDelegate implements JavaDelegate {

  private final TaskNotices notices;
  private final CaseFileService caseFiles;

  NotifyCitizenDelegate(TaskNotices notices, CaseFileService caseFiles) {
    this.notices = notices;
    this.caseFiles = caseFiles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseView file = caseFiles.get(execution.getProcessBusinessKey());
    Map<String, Object> params = HotlineVariables.of(execution).noticeParams();
    params.put("citizenName", file.customerName() != null ? file.customerName() : "市民");
    notices.toCustomer(execution, params, null, file.customerPhone());
  }
}
