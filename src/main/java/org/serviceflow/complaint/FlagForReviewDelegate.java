package org.serviceflow.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.casefile.CaseFlags;
import org.springframework.stereotype.Component;

/**
 * 标记查办 (002:222): flags the case for review with the reason given in the service task's input
 * parameter {@code reviewReason}, marks it as under supervision ({@link CaseFlags#SUPERVISED}, the 督办中 filter)
 * and records it on the timeline. Flagging twice keeps one flag.
 */
@Component
class FlagForReviewDelegate implements JavaDelegate {

  private final CaseFileService caseFiles;

  FlagForReviewDelegate(CaseFileService caseFiles) {
    this.caseFiles = caseFiles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ComplaintVariables complaint = ComplaintVariables.of(execution);
    caseFiles.flagForReview(complaint.caseNumber(), complaint.reviewReason());
    CaseFlags.markSupervised(execution);
    caseFiles.record(complaint.caseNumber(), null, execution.getCurrentActivityName(),
        execution.getCurrentActivityId(), complaint.reviewReason());
  }
}
