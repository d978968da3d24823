package org.serviceflow.processchange;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.serviceflow.casefile.ProcessVariables;
import org.serviceflow.notification.TaskNotices;

/**
 * Names of the process-change approval variables (流程新增/变更审批表, PROCESSES.md C.1). The intake
 * (REST multipart and Tasklist start form) writes the intake group; the model, its forms and
 * delegates add the rest.
 */
public final class ProcessChangeVariables extends ProcessVariables {

  public static final String ADD = "add";
  public static final String CHANGE = "change";
  public static final String RETIRE = "retire";

  public static final String PROCESS_KEY = "processChange";

  // intake (申请) — written by POST /api/process-changes and by the start form
  /** Key of the process that changes (e.g. complaint), or of the new process. */
  public static final String TARGET_PROCESS_KEY = "targetProcessKey";
  public static final String TARGET_PROCESS_NAME = "targetProcessName";
  /** add (新增) / change (变更) / retire (废止). */
  public static final String CHANGE_TYPE = "changeType";
  /** Process level 1–4 (000:103); Integer. */
  public static final String LEVEL = "level";
  /** strategy (战略) / management (管理) / resource (资源) / business (业务) / risk (风控) (000:100). */
  public static final String CATEGORY = "category";
  /** leadership (领导要求) / inspection (检查结果) / improvement (改进建议) / complaint-analysis (投诉分析). */
  public static final String TRIGGER = "trigger";
  public static final String DESCRIPTION = "description";
  /** ISO date string "2026-12-01": the change goes live at the start of that day (Asia/Shanghai). */
  public static final String EFFECTIVE_DATE = "effectiveDate";
  /** Candidate group of the business department whose head confirms the plan in the review meeting. */
  public static final String OWNER_GROUP = "ownerGroup";
  /** Groups affected by the change, who confirm training before the effective date (a list of group ids). */
  public static final String AFFECTED_GROUPS = "affectedGroups";
  /** Id of the stored attachment set (the changed .bpmn / .dmn / .form files), or null without files. */
  public static final String ATTACHMENT_SET_ID = "attachmentSetId";

  // registration (登记) — the start event's camunda:initiator and RegisterProcessChangeDelegate
  /** String: the process owner who applied; the revision task is theirs. */
  public static final String APPLICANT = "applicant";
  /** String: LC + yyMM + serial, also the business key. */
  public static final String CASE_NUMBER = "caseNumber";
  /** Date: when the application was registered. */
  public static final String RECEIVED_AT = "receivedAt";
  /** List of String: {@link #AFFECTED_GROUPS} as a plain list, the collection of the training tasks. */
  public static final String TRAINING_GROUPS = "trainingGroups";
  /** String: names of the attached model files, for the reviewers' forms ("无" without files). */
  public static final String ATTACHMENT_NAMES = "attachmentNames";

  // time limits (Integer) — decision processChangeTimeLimits
  public static final String REVIEW_WORKDAYS = "reviewWorkdays";
  public static final String REVIEW_WARNING_WORKDAYS = "reviewWarningWorkdays";

  // formal review (形式审查) and review meeting (评审会) forms: pass / revise
  public static final String FORMAL_REVIEW_RESULT = "formalReviewResult";
  public static final String FORMAL_REVIEW_NOTE = "formalReviewNote";
  public static final String MEETING_RESULT = "meetingResult";
  public static final String MEETING_NOTE = "meetingNote";
  public static final String PASS = "pass";
  public static final String REVISE = "revise";

  // revision (修改申请) form: resubmit / withdraw
  public static final String REVISION_DECISION = "revisionDecision";
  public static final String REVISION_NOTE = "revisionNote";
  public static final String RESUBMIT = "resubmit";
  public static final String WITHDRAW = "withdraw";

  // management representative (管理者代表审核) form
  public static final String MANAGEMENT_REP_NOTE = "managementRepNote";

  // approval (审批) — decision processChangeApprovalAuthority, then the form: approved / rejected
  public static final String APPROVER_GROUP = "approverGroup";
  public static final String APPROVAL_DECISION = "approvalDecision";
  public static final String APPROVAL_NOTE = "approvalNote";
  public static final String APPROVED = "approved";
  public static final String REJECTED = "rejected";

  // filing (归档并升级版本) form
  /** String: the release the catalogue and the new models carry (camunda:versionTag), e.g. 1.1. */
  public static final String NEW_VERSION_TAG = "newVersionTag";
  public static final String FILING_NOTE = "filingNote";

  // training (培训确认), one task per affected group
  /** String: the group of one training task (the multi-instance element variable). */
  public static final String TRAINING_GROUP = "trainingGroup";
  public static final String TRAINING_NOTE = "trainingNote";

  // going live (生效)
  /** String: id of the deployment the change produced. */
  public static final String DEPLOYMENT_ID = "deploymentId";
  /** String: the deployed definitions and their engine versions, e.g. "complaint:2". */
  public static final String DEPLOYED_VERSIONS = "deployedVersions";

  // closing (办结) — input parameter of the closing service task
  public static final String CLOSE_OUTCOME = "closeOutcome";

  // yearly report (年度流程管理报告)
  public static final String REPORT_YEAR = "reportYear";
  public static final String REPORT_SUMMARY = "reportSummary";
  /** Text: per process, the cases started and closed in the year and the overdue tasks (流程执行情况, 000:385). */
  public static final String EXECUTION_SUMMARY = "executionSummary";
  /** Text: the year's process inspections (流程检查情况) and their results, written by 企管部 (000:384–385). */
  public static final String INSPECTION_RESULTS = "inspectionResults";
  public static final String REPORT_NOTE = "reportNote";

  // input parameters of the notification service tasks (local to the task)

  private ProcessChangeVariables(VariableScope scope) {
    super(scope);
  }

  /** Typed access to the variables visible from an execution or task. */
  public static ProcessChangeVariables of(VariableScope scope) {
    return new ProcessChangeVariables(scope);
  }

  public String caseNumber() { return string(CASE_NUMBER); }
  public String applicant() { return string(APPLICANT); }
  public String targetProcessKey() { return string(TARGET_PROCESS_KEY); }
  public String targetProcessName() { return string(TARGET_PROCESS_NAME); }
  public String changeType() { return string(CHANGE_TYPE); }
  public String category() { return string(CATEGORY); }
  public String ownerGroup() { return string(OWNER_GROUP); }
  public String effectiveDate() { return string(EFFECTIVE_DATE); }
  public String attachmentSetId() { return string(ATTACHMENT_SET_ID); }
  public String newVersionTag() { return string(NEW_VERSION_TAG); }
  public String closeOutcome() { return string(CLOSE_OUTCOME); }
  public Date receivedAt() { return date(RECEIVED_AT); }

  /** Level 1–4; forms write Integer, the API may write Long: read as Number. Null when unset. */
  public Integer level() {
    return scope.getVariable(LEVEL) instanceof Number n ? n.intValue() : null;
  }

  public boolean retire() { return RETIRE.equals(changeType()); }

  /** The affected groups as plain group ids, whether written as a list, the Tasklist start form's checklist (JSON) or "a, b". */
  public List<String> affectedGroups() {
    return TaskNotices.groupIds(scope.getVariable(AFFECTED_GROUPS));
  }


  /** The parameters every process-change notification template may use besides {caseNumber}. */
  public Map<String, Object> noticeParams() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("targetProcessKey", targetProcessKey());
    params.put("targetProcessName", targetProcessName());
    params.put("changeTypeLabel", changeTypeLabel(changeType()));
    params.put("effectiveDate", effectiveDate());
    params.put("applicant", applicant());
    return params;
  }

  /** 新增 / 变更 / 废止 for add / change / retire. */
  public static String changeTypeLabel(String changeType) {
    return switch (changeType == null ? "" : changeType) {
      case ADD -> "新增";
      case CHANGE -> "变更";
      case RETIRE -> "废止";
      default -> changeType;
    };
  }


}
