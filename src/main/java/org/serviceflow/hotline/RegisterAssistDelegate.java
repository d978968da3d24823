package org.serviceflow.hotline;

import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.serviceflow.calendar.Deadlines;
import org.serviceflow.notification.TaskNotices;
import org.springframework.stereotype.Component;

/**
 * 登记协办 (hotlineAssist, 会办，issue 11): one assisting unit's part starts. Its sign-for limit follows the lead's
 * rule ({@code signHours} from now, D.5); it replies to the lead unit by the lead's warning instant
 * {@code handlingWarningAt} (never before its sign-for limit), so that the lead can take the replies in before its own
 * limit; the reply warning comes {@code warningWorkdays} working days before that ({@code warningHours} hours for
 * urgent appeals), never before now. Notifies the assisting unit.
 */
@Component
class RegisterAssistDelegate implements JavaDelegate {

  private final Deadlines deadlines;
  private final AssistRecords records;
  private final AssistReplies replies;
  private final TaskNotices notices;
  private final IdentityService identityService;

  RegisterAssistDelegate(Deadlines deadlines, AssistRecords records, AssistReplies replies, TaskNotices notices,
      IdentityService identityService) {
    this.deadlines = deadlines;
    this.records = records;
    this.replies = replies;
    this.notices = notices;
    this.identityService = identityService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    HotlineVariables appeal = HotlineVariables.of(execution);
    Date now = ClockUtil.getCurrentTime();
    String unit = appeal.assistingUnit();
    Group group = Context.getCommandContext()
        .runWithoutAuthorization(() -> identityService.createGroupQuery().groupId(unit).singleResult());
    String unitName = group != null && group.getName() != null ? group.getName() : unit;
    Date signDue = deadlines.hoursFrom(now, appeal.signHours());
    Date replyDue = later(appeal.handlingWarningAt(), signDue);
    Date warning = appeal.handlingHours() > 0
        ? new Date(replyDue.getTime() - appeal.warningHours() * 3_600_000L)
        : deadlines.workdaysBefore(replyDue, appeal.warningWorkdays());
    execution.setVariable(HotlineVariables.ASSISTING_UNIT_NAME, unitName);
    execution.setVariable(HotlineVariables.ASSIST_SIGN_DUE_AT, signDue);
    execution.setVariable(HotlineVariables.ASSIST_REPLY_DUE_AT, replyDue);
    execution.setVariable(HotlineVariables.ASSIST_REPLY_WARNING_AT, later(warning, now));
    records.started(appeal.caseNumber(), appeal.handlingUnit(), unit, unitName, now, signDue, replyDue);
    replies.refreshLead(execution, appeal.caseNumber());
    notices.toGroups(execution, HotlineVariables.of(execution).noticeParams());
  }

  private static Date later(Date a, Date b) {
    return a == null || a.before(b) ? b : a;
  }
}
