package org.serviceflow.hotline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.serviceflow.casefile.CaseFileService;
import org.springframework.stereotype.Component;

/**
 * 记录联系失败 (PROCESSES.md D.11): the citizen could not be reached for the return visit. Counts the attempt in
 * {@code contactAttempts}; after {@code maxContactAttempts} (3) the appeal is closed as unreachable.
 */
@Component
class CountContactAttemptDelegate implements JavaDelegate {

  private final CaseFileService caseFiles;

  CountContactAttemptDelegate(CaseFileService caseFiles) {
    this.caseFiles = caseFiles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    HotlineVariables appeal = HotlineVariables.of(execution);
    int attempts = appeal.contactAttempts() + 1;
    execution.setVariable(HotlineVariables.CONTACT_ATTEMPTS, attempts);
    caseFiles.record(appeal.caseNumber(), null, execution.getCurrentActivityName(), execution.getCurrentActivityId(),
        "第 " + attempts + " 次未能联系诉求人");
  }
}
