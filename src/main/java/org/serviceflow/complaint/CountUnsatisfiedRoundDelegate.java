package org.serviceflow.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.serviceflow.casefile.CaseFileService;
import org.springframework.stereotype.Component;

/**
 * 记录不满意次数: the return visit found the customer unsatisfied (002:258). Counts the round in
 * {@code unsatisfiedRounds}, which the next gateway compares with {@code maxUnsatisfiedRounds}
 * (complaintTimeLimits, default 2: then the case becomes an individual case, 003:318).
 */
@Component
class CountUnsatisfiedRoundDelegate implements JavaDelegate {

  static final String STATUS_AGAIN = "再次处理";
  static final String STATUS_INDIVIDUAL_CASE = "转为个案";

  private final CaseFileService caseFiles;

  CountUnsatisfiedRoundDelegate(CaseFileService caseFiles) {
    this.caseFiles = caseFiles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ComplaintVariables complaint = ComplaintVariables.of(execution);
    int rounds = complaint.unsatisfiedRounds() + 1;
    execution.setVariable(ComplaintVariables.UNSATISFIED_ROUNDS, rounds);

    boolean individualCase = complaint.individualCase();
    caseFiles.updateStatus(complaint.caseNumber(), individualCase ? STATUS_INDIVIDUAL_CASE : STATUS_AGAIN);
    caseFiles.record(complaint.caseNumber(), null, execution.getCurrentActivityName(),
        execution.getCurrentActivityId(), "客户第 " + rounds + " 次不满意，" + (individualCase ? "转为个案" : "再次处理"));
  }
}
