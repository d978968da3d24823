package org.serviceflow.hotline;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.serviceflow.casefile.CaseFileService;
import org.springframework.stereotype.Component;

/**
 * 延长办理时限 (PROCESSES.md D.9): the dispatchers approved the extension (at most once, at most
 * {@code maxExtensionWorkdays}). Moves the running clock by the approved working days: the variables
 * {@code handlingDueAt}/{@code handlingWarningAt} (which the handling task's due and follow-up dates read when it is
 * entered again), the due dates of the running warning and overdue timer jobs, and the case file's deadline (recorded as extended: 已延期).
 * The extension is recorded in the limit's count, so a recalculation after a change of the holiday data keeps it.
 */
@Component
class ExtendHandlingDeadlineDelegate implements JavaDelegate {

  static final String WARNING_TIMER = "BoundaryEvent_HandlingWarning";
  static final String OVERDUE_TIMER = "BoundaryEvent_HandlingOverdue";

  private final HandlingDeadlines handlingDeadlines;
  private final ManagementService managementService;
  private final CaseFileService caseFiles;
  private final AppealRecords records;

  ExtendHandlingDeadlineDelegate(HandlingDeadlines handlingDeadlines, ManagementService managementService,
      CaseFileService caseFiles, AppealRecords records) {
    this.handlingDeadlines = handlingDeadlines;
    this.managementService = managementService;
    this.caseFiles = caseFiles;
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    HotlineVariables appeal = HotlineVariables.of(execution);
    int days = Math.max(1, Math.min(appeal.approvedWorkdays(), appeal.maxExtensionWorkdays()));
    HandlingDeadlines.Instants moved = handlingDeadlines.set(execution,
        handlingDeadlines.extend(handlingDeadlines.running(execution, appeal), days));

    execution.setVariable(HotlineVariables.APPROVED_WORKDAYS, days);
    execution.setVariable(HotlineVariables.EXTENDED, true);
    Context.getCommandContext().runWithoutAuthorization(() -> {
      moveTimer(execution.getProcessInstanceId(), WARNING_TIMER, moved.warningAt());
      moveTimer(execution.getProcessInstanceId(), OVERDUE_TIMER, moved.dueAt());
      return null;
    });
    caseFiles.extendDeadline(appeal.caseNumber(), "HANDLING", moved.dueAt(), moved.warningAt());
    records.extended(appeal.caseNumber(), days, moved.dueAt());
    caseFiles.record(appeal.caseNumber(), null, execution.getCurrentActivityName(), execution.getCurrentActivityId(),
        "延期 " + days + " 个工作日");
  }

  private void moveTimer(String processInstanceId, String activityId, java.util.Date dueAt) {
    managementService.createJobQuery().processInstanceId(processInstanceId).timers().activityId(activityId).list()
        .forEach(job -> managementService.setJobDuedate(job.getId(), dueAt));
  }
}
