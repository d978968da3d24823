package org.serviceflow.hotline;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.serviceflow.calendar.CountedInstant;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.recalculation.CountedDeadlines;
import org.springframework.stereotype.Component;

/**
 * 派单 (Task_DispatchAppeal, PROCESSES.md D.4): dispatches the appeal to {@code handlingUnit} (from decision
 * hotlineDispatch, or the unit the dispatchers chose when they accepted a return) and starts the unit's clocks:
 * sign-for {@code signHours} (D.5) counted from receipt ({@code receivedAt}) at the first dispatch, because signing is
 * the initial review the platform completes within 24 h of receiving the appeal (000:277 "接到用户申诉后的24小时内");
 * after an accepted return the initial review is done (the first unit answered), so the new unit's sign-for counts
 * from the re-dispatch (default). The handling limit with its warning (D.8) counts from receipt as well at the first
 * dispatch: the platform resolves the appeal within 7 working days "接到用户申诉后" (000:278–282, issue 12), not
 * within 7 working days of the dispatch; after an accepted return the new unit's limit counts from the re-dispatch
 * (default). The return window {@code returnWorkdays} (D.7) counts from this dispatch.
 * The assisting units the dispatcher named ({@code assistingUnits}, issue 11) are checked against the lead unit
 * and kept as a list for CallActivity_AssistingUnits. Every limit is set with how it was counted
 * ({@link CountedDeadlines}), so that a change of the holiday data moves it.
 */
@Component
class DispatchAppealDelegate implements JavaDelegate {

  private final CountedDeadlines counted;
  private final HandlingDeadlines handlingDeadlines;
  private final AppealRecords records;
  private final CaseFileService caseFiles;
  private final IdentityService identityService;
  private final AssistingUnits assistingUnits;

  DispatchAppealDelegate(CountedDeadlines counted, HandlingDeadlines handlingDeadlines, AppealRecords records,
      CaseFileService caseFiles, IdentityService identityService, AssistingUnits assistingUnits) {
    this.counted = counted;
    this.handlingDeadlines = handlingDeadlines;
    this.records = records;
    this.caseFiles = caseFiles;
    this.identityService = identityService;
    this.assistingUnits = assistingUnits;
  }

  @Override
  public void execute(DelegateExecution execution) {
    HotlineVariables appeal = HotlineVariables.of(execution);
    Date now = ClockUtil.getCurrentTime();
    boolean firstDispatch = appeal.dispatchedAt() == null;
    Date signDue = counted.set(execution, HotlineVariables.SIGN_DUE_AT, "签收时限",
        CountedInstant.from(firstDispatch ? appeal.receivedAt() : now).plusHours(appeal.signHours()));
    Date returnDue = counted.set(execution, HotlineVariables.RETURN_DUE_AT, "退单时限",
        CountedInstant.from(now).workdaysAfter(appeal.returnWorkdays()));
    HandlingDeadlines.Instants limit = handlingDeadlines.set(execution,
        handlingDeadlines.from(firstDispatch ? appeal.receivedAt() : now, appeal));
    String unit = appeal.handlingUnit();
    Group group = Context.getCommandContext()
        .runWithoutAuthorization(() -> identityService.createGroupQuery().groupId(unit).singleResult());

    String unitName = group != null ? group.getName() : unit;
    Map<String, String> assisting = assistingUnits.check(execution.getVariable(HotlineVariables.ASSISTING_UNITS), unit,
        unitName);
    execution.setVariable(HotlineVariables.ASSISTING_UNITS, AssistingUnits.ids(assisting));
    execution.setVariable(HotlineVariables.ASSIST_WAITED, false);
    execution.setVariable(HotlineVariables.ASSIST_REPLIES, assisting.isEmpty() ? "" : "协办单位："
        + String.join("、", assisting.values()) + "（主办单位签收后开始协办）");
    execution.setVariable(HotlineVariables.HANDLING_UNIT_NAME, unitName);
    execution.setVariable(HotlineVariables.DISPATCHED_AT, now);
    records.dispatched(appeal.caseNumber(), unit, now, signDue, returnDue, limit.dueAt());
    caseFiles.setDeadline(appeal.caseNumber(), "HANDLING", limit.dueAt(), limit.warningAt());
    caseFiles.record(appeal.caseNumber(), null, execution.getCurrentActivityName(), execution.getCurrentActivityId(),
        "派至 " + unitName + "，办理时限 " + appeal.limitText()
            + (assisting.isEmpty() ? "" : "；协办单位 " + String.join("、", assisting.values())));
  }
}
