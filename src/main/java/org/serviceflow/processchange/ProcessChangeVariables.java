package org.serviceflow.processchange;

/**
 * Names of the process-change approval variables (流程新增/变更审批表, PROCESSES.md C.1). The intake
 * (REST multipart and Tasklist start form) writes the intake group; the model, its forms and
 * delegates add the rest.
 */
public final class ProcessChangeVariables {

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

  private ProcessChangeVariables() {
  }
}
