package org.serviceflow.hotline;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.knowledge.KnowledgeBase;
import org.springframework.stereotype.Component;

/**
 * 办结 (Task_CloseAppeal, PROCESSES.md D.3, D.11): closes the case file with its outcome and records the closing
 * facts of the assessment: the citizen's evaluation (unreachable citizens are not counted in satisfaction) and
 * whether the problem was resolved (the citizen's answer; for an unreachable citizen, the unit's reply). A direct
 * answer that used a knowledge entry counts the use and names the entry on the timeline (docs/knowledge-base.md).
 */
@Component
class CloseAppealDelegate implements JavaDelegate {

  private final CaseFileService caseFiles;
  private final AppealRecords records;
  private final KnowledgeBase knowledge;

  CloseAppealDelegate(CaseFileService caseFiles, AppealRecords records, KnowledgeBase knowledge) {
    this.caseFiles = caseFiles;
    this.records = records;
    this.knowledge = knowledge;
  }

  @Override
  public void execute(DelegateExecution execution) {
    HotlineVariables appeal = HotlineVariables.of(execution);
    Date now = ClockUtil.getCurrentTime();
    String visit = appeal.visitResult();
    if (appeal.answeredDirectly()) {
      records.answeredDirectly(appeal.caseNumber());
      records.closed(appeal.caseNumber(), now, null, true);
      appeal.knowledgeEntryId().ifPresent(entry -> knowledge.recordUse(appeal.caseNumber(), entry));
    } else {
      boolean resolved = HotlineVariables.UNREACHABLE.equals(visit)
          ? HotlineVariables.RESOLVED.equals(appeal.handlingResult()) : appeal.problemResolved();
      records.closed(appeal.caseNumber(), now, visit, resolved);
    }
    String outcome = outcome(appeal);
    execution.setVariable(HotlineVariables.CLOSE_OUTCOME, outcome);
    caseFiles.close(appeal.caseNumber(), outcome, now.toInstant());
  }

  static String outcome(HotlineVariables appeal) {
    if (appeal.answeredDirectly()) {
      return "话务员即时办结";
    }
    return switch (appeal.visitResult()) {
      case "satisfied" -> "已办结，诉求人满意";
      case "basically-satisfied" -> "已办结，诉求人基本满意";
      case HotlineVariables.UNSATISFIED -> "已重办一次，诉求人仍不满意，以第二次评价为准办结";
      case HotlineVariables.UNREACHABLE -> "回访三次未能联系诉求人，按无法联系办结";
      default -> "已办结";
    };
  }
}
