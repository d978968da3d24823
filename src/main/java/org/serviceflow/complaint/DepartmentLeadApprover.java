package org.serviceflow.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.identity.StaffGroup;
import org.serviceflow.identity.UnitLeads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * End listener of 确定审批权限: a solution of up to 1,000 yuan is approved by the handling department's lead
 * (PROCESSES.md A.6), the group {@code <handlingGroup>-lead} that the decision complaintApprovalAuthority names.
 * When that group has no member ({@link UnitLeads}: not created, or empty; e.g. the handling group is itself a lead
 * group such as customer-service-lead), the approval falls back to the handling group itself, so that somebody sees
 * it, and the log and the case timeline say why. Any other approver group (general-manager) is left as it is.
 */
@Component
class DepartmentLeadApprover implements ExecutionListener {

  private static final Logger LOG = LoggerFactory.getLogger(DepartmentLeadApprover.class);

  private final UnitLeads leads;
  private final CaseFileService caseFiles;

  DepartmentLeadApprover(UnitLeads leads, CaseFileService caseFiles) {
    this.leads = leads;
    this.caseFiles = caseFiles;
  }

  @Override
  public void notify(DelegateExecution execution) {
    ComplaintVariables complaint = ComplaintVariables.of(execution);
    String handlingGroup = complaint.handlingGroup();
    String leadGroup = UnitLeads.leadGroupOf(handlingGroup);
    if (!leadGroup.equals(complaint.approverGroup()) || !leads.of(handlingGroup).isEmpty()) {
      return;
    }
    execution.setVariable(ComplaintVariables.APPROVER_GROUP, handlingGroup);
    String reason = StaffGroup.chineseNameOf(handlingGroup) + "（" + handlingGroup + "）未设负责人（组 " + leadGroup
        + " 无成员），“审批解决方案”改由处理部门 " + handlingGroup + " 审批";
    LOG.warn("Case {}: {}", complaint.caseNumber(), reason);
    caseFiles.record(complaint.caseNumber(), null, execution.getCurrentActivityName(),
        execution.getCurrentActivityId(), reason);
  }
}
