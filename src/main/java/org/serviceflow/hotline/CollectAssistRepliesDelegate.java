package org.serviceflow.hotline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.serviceflow.casefile.CaseFileService;
import org.springframework.stereotype.Component;

/**
 * 汇总协办答复 (hotline12345, 会办，issue 11): every assisting part has ended, replied or timed out, and the lead's
 * first reply goes to review with them ({@code assistReplies}, also on the case timeline). A reply after re-handling
 * does not wait again ({@code assistWaited}).
 */
@Component
class CollectAssistRepliesDelegate implements JavaDelegate {

  private final AssistRecords records;
  private final CaseFileService caseFiles;

  CollectAssistRepliesDelegate(AssistRecords records, CaseFileService caseFiles) {
    this.records = records;
    this.caseFiles = caseFiles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    HotlineVariables appeal = HotlineVariables.of(execution);
    String summary = records.summary(appeal.caseNumber());
    execution.setVariable(HotlineVariables.ASSIST_WAITED, true);
    execution.setVariable(HotlineVariables.ASSIST_REPLIES, summary);
    if (!summary.isEmpty()) {
      caseFiles.record(appeal.caseNumber(), null, execution.getCurrentActivityName(), execution.getCurrentActivityId(),
          summary.replace("**", "").replace("\n\n", "；"));
    }
  }
}
