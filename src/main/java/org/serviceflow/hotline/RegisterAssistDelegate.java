package org.serviceflow.hotline;

import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.serviceflow.calendar.CountedInstant;
import org.serviceflow.notification.TaskNotices;
import org.serviceflow.recalculation.CountedDeadlines;
import org.springframework.stereotype.Component;

/**
 * 登记协办 (hotlineAssist, 会办，issue 11): one assisting unit's part starts. Its sign-for limit follows the lead's
 * rule ({@code signHours} from now, D.5); it replies to the lead unit by the lead's warning instant
 * {@code handlingWarningAt} (never before its sign-for limit), so that the lead can take the replies in before its own
 * limit; the reply warning comes {@code warningWorkdays} working days before that ({@code warningHours} hours for
 * urgent appeals), never before now. The limits are set with how they were counted ({@link CountedDeadlines}) — the
 * reply limit from the count of the lead's warning — so that a change of the holiday data moves them. Notifies the
 * assisting unit.
 */
@Component
class RegisterAssistDelegate implements JavaDelegate {

  private final CountedDeadlines counted;
  private final AssistRecords records;
  private final AssistReplies replies;
  private final TaskNotices notices;
  private final IdentityService identityService;

  RegisterAssistDelegate(CountedDeadlines counted, AssistRecords records, AssistReplies replies, TaskNotices notices,
      IdentityService identityService) {
    this.counted = counted;
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
    Date signDue = counted.set(execution, HotlineVariables.ASSIST_SIGN_DUE_AT, "协办签收时限",
        CountedInstant.from(now).plusHours(appeal.signHours()));
    execution.setVariable(HotlineVariables.ASSISTING_UNIT_NAME, unitName);
    Date replyDue;
    if (appeal.handlingHours() > 0) {
      replyDue = later(appeal.handlingWarningAt(), signDue);
      execution.setVariable(HotlineVariables.ASSIST_REPLY_DUE_AT, replyDue);
      execution.setVariable(HotlineVariables.ASSIST_REPLY_WARNING_AT,
          later(new Date(replyDue.getTime() - appeal.warningHours() * 3_600_000L), now));
    } else {
      CountedInstant reply = counted.of(execution, HotlineVariables.HANDLING_WARNING_AT)
          .orElseGet(() -> CountedInstant.from(later(appeal.handlingWarningAt(), signDue))).notBefore(signDue);
      replyDue = counted.set(execution, HotlineVariables.ASSIST_REPLY_DUE_AT, "协办答复时限", reply);
      counted.set(execution, HotlineVariables.ASSIST_REPLY_WARNING_AT, "协办答复预警",
          reply.workdaysBefore(appeal.warningWorkdays()).notBefore(now));
    }
    records.started(appeal.caseNumber(), appeal.handlingUnit(), unit, unitName, now, signDue, replyDue);
    replies.refreshLead(execution, appeal.caseNumber());
    notices.toGroups(execution, HotlineVariables.of(execution).noticeParams());
  }

  private static Date later(Date a, Date b) {
    return a == null || a.before(b) ? b : a;
  }
}
