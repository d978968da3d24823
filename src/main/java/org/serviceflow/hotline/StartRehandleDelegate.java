package org.serviceflow.hotline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.serviceflow.casefile.CaseFileService;
import org.springframework.stereotype.Component;

/**
 * 重办 (PROCESSES.md D.10–D.11): the reply failed the dispatchers' review ({@code rehandleKind} review), or the
 * citizen was unsatisfied at the first return visit ({@code rehandleKind} unsatisfied; the next evaluation is
 * final). Counts the re-handling against the unit (重办率) and gives the unit a fresh handling limit by type,
 * counted from now.
 */
@Component
class StartRehandleDelegate implements JavaDelegate {

  static final String UNSATISFIED = "unsatisfied";

  private final HandlingDeadlines handlingDeadlines;
  private final AppealRecords records;
  private final CaseFileService caseFiles;

  StartRehandleDelegate(HandlingDeadlines handlingDeadlines, AppealRecords records, CaseFileService caseFiles) {
    this.handlingDeadlines = handlingDeadlines;
    this.records = records;
    this.caseFiles = caseFiles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    HotlineVariables appeal = HotlineVariables.of(execution);
    HandlingDeadlines.Instants limit = handlingDeadlines.set(execution,
        handlingDeadlines.from(ClockUtil.getCurrentTime(), appeal));
    execution.setVariable(HotlineVariables.REHANDLES, appeal.rehandles() + 1);
    if (UNSATISFIED.equals(appeal.rehandleKind())) {
      execution.setVariable(HotlineVariables.VISIT_REHANDLED, true);
    }
    records.rehandled(appeal.caseNumber(), limit.dueAt());
    caseFiles.updateStatus(appeal.caseNumber(), "重办");
    caseFiles.record(appeal.caseNumber(), null, execution.getCurrentActivityName(), execution.getCurrentActivityId(),
        "第 " + (appeal.rehandles() + 1) + " 次重办，办理时限 " + appeal.limitText());
  }
}
