package org.serviceflow.hotline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.casefile.CaseFlags;
import org.springframework.stereotype.Component;

/**
 * 红灯督办 (PROCESSES.md D.8): the handling limit passed. Counts the supervision against the unit (hotline_appeal),
 * flags the case for review (and as {@link CaseFlags#SUPERVISED}) and records it on the timeline; the model then notifies the unit and opens the
 * supervisors' 督办 task.
 */
@Component
class RecordSupervisionDelegate implements JavaDelegate {

  private final AppealRecords records;
  private final CaseFileService caseFiles;

  RecordSupervisionDelegate(AppealRecords records, CaseFileService caseFiles) {
    this.records = records;
    this.caseFiles = caseFiles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    HotlineVariables appeal = HotlineVariables.of(execution);
    String reason = "超过办理时限（" + appeal.limitText() + "）未答复，督办 " + appeal.handlingUnit();
    records.supervised(appeal.caseNumber());
    CaseFlags.markSupervised(execution);
    caseFiles.flagForReview(appeal.caseNumber(), reason);
    caseFiles.record(appeal.caseNumber(), null, execution.getCurrentActivityName(), execution.getCurrentActivityId(),
        reason);
  }
}
