package org.serviceflow.complaint;

import org.serviceflow.web.CodeList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.serviceflow.casefile.ProcessVariables;

/**
 * Names and types of the complaint process variables, and typed access to them. The intake (REST
 * and Tasklist start form) writes the intake group; the model, its forms and delegates add the rest.
 * Codes are stored, Chinese labels are shown by the forms. Numbers written by forms arrive as
 * Integer or Double, so they are read as {@link Number}.
 */
public final class ComplaintVariables extends ProcessVariables {

  public static final String PROCESS_KEY = "complaint";

  // intake (受理登记) — written by POST /api/complaints and by the start form
  public static final String CUSTOMER_NAME = "customerName";
  public static final String CUSTOMER_PHONE = "customerPhone";
  public static final String CUSTOMER_EMAIL = "customerEmail";
  /** A / B / C (A first). */
  public static final String CUSTOMER_TIER = "customerTier";
  public static final String PRODUCT_OR_ORDER_NO = "productOrOrderNo";
  public static final String CONTENT = "content";
  /** When the complained-of event happened, ISO date string "2026-11-22" (as Tasklist date fields store it). */
  public static final String OCCURRED_ON = "occurredOn";
  /** phone / letter / visit / web / email. */
  public static final String CHANNEL = "channel";
  /** product-quality / product-function / packaging / transport / staff-attitude / staff-negligence / dealer / other. */
  public static final String CATEGORY = "category";
  /** general (一般) / major (重大) / special (专案). */
  public static final String SEVERITY = "severity";
  public static final String AGAINST_STAFF = "againstStaff";
  public static final String STAFF_NAME = "staffName";

  // registration (登记立案) — RegisterComplaintDelegate; the start event's camunda:initiator
  /** String: the intake clerk, who stays case owner (首问负责). */
  public static final String INTAKE_USER = "intakeUser";
  /** String: TS + yyMM + serial, also the business key. */
  public static final String CASE_NUMBER = "caseNumber";
  /** Date: when the complaint was received; every deadline counts from it. */
  public static final String RECEIVED_AT = "receivedAt";

  // time limits (Integer) — decision complaintTimeLimits, mapped by Task_DetermineTimeLimits
  public static final String FIRST_RESPONSE_HOURS = "firstResponseHours";
  public static final String FIRST_RESPONSE_WARNING_HOURS = "firstResponseWarningHours";
  public static final String VERIFY_WORKDAYS = "verifyWorkdays";
  public static final String RESOLUTION_TARGET_DAYS = "resolutionTargetDays";
  public static final String RESOLUTION_HARD_LIMIT_DAYS = "resolutionHardLimitDays";
  public static final String RETURN_VISIT_WORKDAYS = "returnVisitWorkdays";
  public static final String MAX_UNSATISFIED_ROUNDS = "maxUnsatisfiedRounds";

  // routing — decisions complaintRouting and complaintEscalation
  /** String: candidate group of the handling department. */
  public static final String HANDLING_GROUP = "handlingGroup";
  /** Boolean: major and special cases are reported to the general manager at once. */
  public static final String NOTIFY_GENERAL_MANAGER = "notifyGeneralManager";

  // first response (首次响应) form
  /** phone / visit / email / sms. */
  public static final String FIRST_RESPONSE_CHANNEL = "firstResponseChannel";
  public static final String FIRST_RESPONSE_NOTE = "firstResponseNote";

  // initial verification (初步核实) form
  /** valid (属实) / not-valid (不属实). */
  public static final String VERIFICATION_RESULT = "verificationResult";
  public static final String VERIFICATION_NOTE = "verificationNote";
  public static final String VALID = "valid";
  public static final String NOT_VALID = "not-valid";

  // explanation (解释说明) form
  public static final String EXPLANATION_NOTE = "explanationNote";
  /** Boolean: the customer accepted the explanation (取得谅解). */
  public static final String CUSTOMER_UNDERSTOOD = "customerUnderstood";

  // solution (分析原因并提出解决方案) form
  public static final String CAUSE = "cause";
  public static final String RESPONSIBLE_PERSON = "responsiblePerson";
  public static final String SOLUTION = "solution";
  /** Boolean: compensation or a return is involved, so the solution needs approval. */
  public static final String COMPENSATION_INVOLVED = "compensationInvolved";
  /** Number (yuan). */
  public static final String COMPENSATION_AMOUNT = "compensationAmount";
  /** immediate (立即解决) / scheduled (按时间表解决). */
  public static final String RESOLUTION_MODE = "resolutionMode";
  public static final String IMMEDIATE = "immediate";
  public static final String SCHEDULED = "scheduled";
  /** ISO date string, when resolution mode is scheduled: the timetable the customer is told. */
  public static final String PLANNED_COMPLETION_DATE = "plannedCompletionDate";

  // approval (审批解决方案) — decision complaintApprovalAuthority, then the form
  public static final String APPROVER_GROUP = "approverGroup";
  /**
   * Who completed 分析原因并提出解决方案 (the model's {@code duty.proposer}): 审批解决方案 excludes them
   * ({@code duty.excludes}, 职责分离, docs/collaboration.md).
   */
  public static final String SOLUTION_PROPOSER = "solutionProposer";
  /** approved / rejected. */
  public static final String APPROVAL_DECISION = "approvalDecision";
  public static final String APPROVED = "approved";
  public static final String REJECTED = "rejected";
  public static final String APPROVAL_NOTE = "approvalNote";

  // implementation (落实解决方案) and result (告知处理结果) forms
  public static final String IMPLEMENTATION_RESULT = "implementationResult";
  public static final String RESULT_NOTE = "resultNote";
  /** Date: when the customer was told the result; the return visit counts from it. */
  public static final String HANDLED_AT = "handledAt";

  // return visit (回访) form and the satisfaction loop
  /** satisfied / unsatisfied. */
  public static final String SATISFACTION = "satisfaction";
  public static final String SATISFIED = "satisfied";
  public static final String UNSATISFIED = "unsatisfied";
  public static final String RETURN_VISIT_NOTE = "returnVisitNote";
  /** Integer: unsatisfied return visits so far. */
  public static final String UNSATISFIED_ROUNDS = "unsatisfiedRounds";

  // individual case (个案处理) and discipline (人事处理决定) forms
  public static final String INDIVIDUAL_CASE_RESULT = "individualCaseResult";
  /** major-demerit / demerit / warning / fine / criticism / none. */
  public static final String DISCIPLINE_ACTION = "disciplineAction";
  /** Number (yuan), when the action is a fine. */
  public static final String DISCIPLINE_FINE = "disciplineFine";
  public static final String DISCIPLINE_NOTE = "disciplineNote";

  // input parameters of the reusable service tasks (local to the task)
  /** String: why the case is flagged for review (查办). */
  public static final String REVIEW_REASON = "reviewReason";

  private ComplaintVariables(VariableScope scope) {
    super(scope);
  }

  /** Typed access to the variables visible from an execution or task. */
  public static ComplaintVariables of(VariableScope scope) {
    return new ComplaintVariables(scope);
  }

  public String caseNumber() { return string(CASE_NUMBER); }
  public String intakeUser() { return string(INTAKE_USER); }
  public String customerName() { return string(CUSTOMER_NAME); }
  public String customerPhone() { return string(CUSTOMER_PHONE); }
  public String customerEmail() { return string(CUSTOMER_EMAIL); }
  public String channel() { return string(CHANNEL); }
  public String category() { return string(CATEGORY); }
  public String severity() { return string(SEVERITY); }
  public String handlingGroup() { return string(HANDLING_GROUP); }
  public String approverGroup() { return string(APPROVER_GROUP); }
  public Date receivedAt() { return date(RECEIVED_AT); }
  public String plannedCompletionDate() { return string(PLANNED_COMPLETION_DATE); }
  public String reviewReason() { return string(REVIEW_REASON); }
  public int resolutionHardLimitDays() { return number(RESOLUTION_HARD_LIMIT_DAYS); }
  public int unsatisfiedRounds() { return number(UNSATISFIED_ROUNDS); }
  public int maxUnsatisfiedRounds() { return number(MAX_UNSATISFIED_ROUNDS); }

  public boolean valid() { return VALID.equals(string(VERIFICATION_RESULT)); }

  /** The return visits found the customer unsatisfied as often as allowed: the case became an individual case (个案). */
  public boolean individualCase() {
    return scope.hasVariable(MAX_UNSATISFIED_ROUNDS) && unsatisfiedRounds() >= maxUnsatisfiedRounds();
  }


  /** The parameters every complaint notification template may use besides {caseNumber}. */
  public Map<String, Object> noticeParams() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("customerName", customerName());
    params.put("categoryLabel", CodeList.Coded.labelOf(ComplaintCategory.values(), category()));
    params.put("severityLabel", CodeList.Coded.labelOf(ComplaintSeverity.values(), severity()));
    params.put("receivedAt", receivedAt());
    params.put("firstResponseHours", scope.getVariable(FIRST_RESPONSE_HOURS));
    params.put("verifyWorkdays", scope.getVariable(VERIFY_WORKDAYS));
    params.put("resolutionTargetDays", scope.getVariable(RESOLUTION_TARGET_DAYS));
    params.put("resolutionHardLimitDays", scope.getVariable(RESOLUTION_HARD_LIMIT_DAYS));
    params.put("plannedCompletionDate", plannedCompletionDate());
    return params;
  }

  /** A blank text (an untouched optional form field) reads as unset. */

}
