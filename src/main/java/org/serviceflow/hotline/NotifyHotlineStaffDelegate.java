package org.serviceflow.hotline;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.serviceflow.identity.UnitLeads;
import org.serviceflow.notification.TaskNotices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Notifies the staff groups the service task names of an appeal: warnings (黄灯), supervision (督办),
 * missed first contact ({@link TaskNotices}: input parameters noticeTemplate and noticeGroups, e.g.
 * {@code ${handlingUnit}}). A notice meant for a unit's lead names the unit in the input parameter
 * {@value #UNIT_LEAD_OF} and goes to the unit's leads ({@link UnitLeads}, group {@code <unit>-lead}), not to every
 * member; a unit without a lead gets it as a group, and the log and the timeline say why. Staff notices never
 * carry the citizen's name or phone.
 */
@Component
class NotifyHotlineStaffDelegate implements JavaDelegate {

  static final String UNIT_LEAD_OF = "noticeUnitLeadOf";
  private static final Logger LOG = LoggerFactory.getLogger(NotifyHotlineStaffDelegate.class);

  private final TaskNotices notices;
  private final UnitLeads unitLeads;

  NotifyHotlineStaffDelegate(TaskNotices notices, UnitLeads unitLeads) {
    this.notices = notices;
    this.unitLeads = unitLeads;
  }

  @Override
  public void execute(DelegateExecution execution) {
    HotlineVariables appeal = HotlineVariables.of(execution);
    Object unit = execution.hasVariable(UNIT_LEAD_OF) ? execution.getVariable(UNIT_LEAD_OF) : null;
    if (unit == null || unit.toString().isBlank()) {
      notices.toGroups(execution, appeal.noticeParams());
      return;
    }
    List<String> leads = unitLeads.of(unit.toString());
    if (!leads.isEmpty()) {
      notices.toGroupsAndUsers(execution, appeal.noticeParams(), List.of(), leads, "单位负责人");
      return;
    }
    String reason = unit + " 未设负责人（组 " + UnitLeads.leadGroupOf(unit.toString()) + " 无成员），改为通知全单位";
    LOG.warn("Case {}: {} at {}: {}", execution.getProcessBusinessKey(), execution.getCurrentActivityId(),
        "notice for the unit's lead", reason);
    notices.toGroupsAndUsers(execution, appeal.noticeParams(), List.of(unit.toString()), List.of(), reason);
  }
}
