package org.serviceflow.hotline;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.serviceflow.casefile.CaseFlags;
import org.serviceflow.casefile.ProcessVariables;

/**
 * Names of the 12345 hotline process variables, and typed access to them. The intake (REST and Tasklist
 * start form) writes the intake group; the model, its forms and delegates add the rest. Codes are stored,
 * Chinese labels are shown by the forms. Numbers written by forms arrive as Integer or Double, so they are
 * read as {@link Number}.
 *
 * <p>Confidentiality: a 举报 (report) reporter's name and phone, and any citizen who asked for
 * confidentiality, must never reach the handling unit (its forms, the variables it can read, REST
 * answers to unit users). {@link RegisterAppealDelegate} keeps them in the case file only and removes
 * them from the process variables; notices to the citizen read the contact from the case file.
 */
public final class HotlineVariables extends ProcessVariables {

  public static final String PROCESS_KEY = "hotline12345";

  // intake (受理) — written by POST /api/hotline/appeals and by the start form
  public static final String CITIZEN_NAME = "citizenName";
  public static final String CITIZEN_PHONE = "citizenPhone";
  /** Boolean: the citizen asked to keep name and phone confidential (always true for 举报). */
  public static final String CONFIDENTIAL = "confidential";
  /** consultation (咨询) / help (求助) / complaint (投诉) / report (举报) / suggestion (建议). */
  public static final String APPEAL_TYPE = "appealType";
  /** urgent (紧急) / normal (一般). */
  public static final String URGENCY = "urgency";
  /** Area code, a key of the dispatch decision (e.g. district-a, street-a). */
  public static final String AREA = "area";
  /** Category code, a key of the dispatch decision (e.g. housing, market, environment, traffic, other). */
  public static final String CATEGORY = "category";
  public static final String CONTENT = "content";
  /** Appeals (求助/投诉/举报): event date (ISO "2026-11-22"), location and people involved (000:274–275). */
  public static final String EVENT_DATE = "eventDate";
  public static final String EVENT_LOCATION = "eventLocation";
  public static final String PEOPLE_INVOLVED = "peopleInvolved";
  /** Complaints and reports: target, reason and evidence (000:283–284). */
  public static final String TARGET = "target";
  public static final String REASON = "reason";
  public static final String EVIDENCE = "evidence";

  // registration (登记) — RegisterAppealDelegate; the start event's camunda:initiator
  public static final String INTAKE_USER = "intakeUser";
  /** String: RX + yyMMdd + serial, also the business key. */
  public static final String CASE_NUMBER = "caseNumber";
  /** Date: when the appeal was received. */
  public static final String RECEIVED_AT = "receivedAt";

  // time limits (Integer) — decision hotlineTimeLimits, mapped by Task_DetermineTimeLimits
  public static final String HANDLING_WORKDAYS = "handlingWorkdays";
  /** Calendar hours instead of working days (urgent appeals); 0 when the limit is in working days. */
  public static final String HANDLING_HOURS = "handlingHours";
  public static final String WARNING_WORKDAYS = "warningWorkdays";
  public static final String WARNING_HOURS = "warningHours";
  public static final String SIGN_HOURS = "signHours";
  public static final String RETURN_WORKDAYS = "returnWorkdays";
  public static final String FIRST_CONTACT_WORKDAYS = "firstContactWorkdays";
  public static final String MAX_EXTENSION_WORKDAYS = "maxExtensionWorkdays";
  public static final String RETURN_VISIT_WORKDAYS = "returnVisitWorkdays";
  public static final String MAX_CONTACT_ATTEMPTS = "maxContactAttempts";

  // triage (即时办结或派单) form
  /** answered (即时办结) / dispatch (派单). */
  public static final String TRIAGE_RESULT = "triageResult";
  public static final String ANSWERED = "answered";
  public static final String DIRECT_ANSWER = "directAnswer";
  /** String (a select of the form): the number of the knowledge entry the direct answer used, if any. */
  public static final String KNOWLEDGE_ENTRY_ID = "knowledgeEntryId";

  // dispatch (派单) — decision hotlineDispatch, DispatchAppealDelegate; the return review may name another unit
  /** String: candidate group of the handling unit (unit-*). */
  public static final String HANDLING_UNIT = "handlingUnit";
  public static final String HANDLING_UNIT_NAME = "handlingUnitName";
  /** Dates of the current dispatch: every deadline of the unit counts from dispatchedAt. */
  public static final String DISPATCHED_AT = "dispatchedAt";
  public static final String SIGN_DUE_AT = "signDueAt";
  public static final String RETURN_DUE_AT = "returnDueAt";
  /** Date: the running handling limit (红灯) and its warning (黄灯); an approved extension moves both. */
  public static final String HANDLING_DUE_AT = "handlingDueAt";
  public static final String HANDLING_WARNING_AT = "handlingWarningAt";

  // sign-for (签收) form and its record
  /** sign (签收) / return (退单). */
  public static final String SIGN_RESULT = "signResult";
  public static final String RETURN = "return";
  public static final String RETURN_REASON = "returnReason";
  /** Boolean: the answer came by returnDueAt; a return after it is refused automatically (Gateway_ReturnInTime). */
  public static final String RETURN_IN_TIME = "returnInTime";
  /** Integer: returns asked for after returnDueAt, refused automatically; not counted as returns (退单率). */
  public static final String LATE_RETURN_ATTEMPTS = "lateReturnAttempts";
  /** Date: when the unit took the appeal on (signed, or its return was refused); first contact counts from it. */
  public static final String SIGNED_AT = "signedAt";

  // return review (退单审核) form
  /** accept (同意退单，改派) / refuse (不同意，退回承办单位). */
  public static final String RETURN_DECISION = "returnDecision";
  public static final String ACCEPT = "accept";
  public static final String RETURN_REVIEW_NOTE = "returnReviewNote";
  /** String: the unit (unit-*) an accepted return is re-dispatched to. */
  public static final String REDISPATCH_UNIT = "redispatchUnit";

  // first contact (先行联系) form
  public static final String CONTACT_RECORD = "contactRecord";

  // handling (办理答复) form
  /** reply (答复) / extension (申请延期). */
  public static final String HANDLING_ACTION = "handlingAction";
  public static final String REPLY = "reply";
  /** resolved (已解决) / explained (已解释说明) / unresolvable (无法解决). */
  public static final String HANDLING_RESULT = "handlingResult";
  public static final String RESOLVED = "resolved";
  public static final String EXTENSION_WORKDAYS = "extensionWorkdays";
  public static final String EXTENSION_REASON = "extensionReason";
  /**
   * Who completed 办理答复 last (the model's {@code duty.proposer}); when they asked for an extension, 延期审核 excludes
   * them ({@code duty.excludes}, 职责分离, docs/collaboration.md).
   */
  public static final String EXTENSION_REQUESTER = "extensionRequester";

  // extension approval (延期审核) form
  /** approve / refuse. */
  public static final String EXTENSION_DECISION = "extensionDecision";
  public static final String APPROVED_WORKDAYS = "approvedWorkdays";
  public static final String EXTENSION_NOTE = "extensionNote";
  /** Boolean: the one extension allowed has been granted (the 已延期 Tasklist filter reads it). */
  public static final String EXTENDED = CaseFlags.EXTENDED;

  // reply (答复) record and review (审核) form
  /** Date: the unit's last reply; the return visit counts from it. */
  public static final String REPLIED_AT = "repliedAt";
  /** pass / fail. */
  public static final String REVIEW_RESULT = "reviewResult";
  public static final String REVIEW_NOTE = "reviewNote";
  /** Integer: times the unit had to handle the appeal again (重办): failed review or unsatisfied citizen. */
  public static final String REHANDLES = "rehandles";

  // return visit (回访) form and its loops
  /** satisfied (满意) / basically-satisfied (基本满意) / unsatisfied (不满意) / unreachable (未能联系). */
  public static final String VISIT_RESULT = "visitResult";
  public static final String UNREACHABLE = "unreachable";
  public static final String UNSATISFIED = "unsatisfied";
  /** Boolean (checkbox): the citizen confirms the problem is solved. */
  public static final String PROBLEM_RESOLVED = "problemResolved";
  public static final String VISIT_NOTE = "visitNote";
  /** Boolean: the citizen was unsatisfied once and the appeal was handled again; the next evaluation is final. */
  public static final String VISIT_REHANDLED = "visitRehandled";
  /** Integer: failed attempts to reach the citizen for the return visit. */
  public static final String CONTACT_ATTEMPTS = "contactAttempts";

  /** String: the outcome the appeal was closed with (办结), told to the citizen. */
  public static final String CLOSE_OUTCOME = "closeOutcome";

  // supervision (督办) form
  public static final String SUPERVISION_NOTE = "supervisionNote";

  // input parameters of the reusable service tasks (local to the task)
  /** String: review (审核不通过) / unsatisfied (回访不满意). */
  public static final String REHANDLE_KIND = "rehandleKind";

  // co-handling (会办 / 协办, issue 11) — triage form, DispatchAppealDelegate, hotlineAssist.bpmn
  /** The assisting units (unit-* groups) the dispatcher named: the triage form's checklist, a list once dispatched. */
  public static final String ASSISTING_UNITS = "assistingUnits";
  /** One assisting unit: the element variable of CallActivity_AssistingUnits, in hotlineAssist. */
  public static final String ASSISTING_UNIT = "assistingUnit";
  public static final String ASSISTING_UNIT_NAME = "assistingUnitName";
  /** Dates of one assisting part (hotlineAssist): sign-for limit, reply limit and its warning. */
  public static final String ASSIST_SIGN_DUE_AT = "assistSignDueAt";
  public static final String ASSIST_REPLY_DUE_AT = "assistReplyDueAt";
  public static final String ASSIST_REPLY_WARNING_AT = "assistReplyWarningAt";
  public static final String ASSIST_SIGNED_AT = "assistSignedAt";
  public static final String ASSIST_REPLY = "assistReply";
  public static final String ASSIST_TIMEOUT_REASON = "assistTimeoutReason";
  /** Text on the lead unit's forms: each assisting part's state, reply or the reason it gave none. */
  public static final String ASSIST_REPLIES = "assistReplies";
  /** Boolean: the lead's first reply has waited for the assisting parts; a re-handled reply does not wait again. */
  public static final String ASSIST_WAITED = "assistWaited";

  private HotlineVariables(VariableScope scope) {
    super(scope);
  }

  /** Typed access to the variables visible from an execution or task. */
  public static HotlineVariables of(VariableScope scope) {
    return new HotlineVariables(scope);
  }

  public String caseNumber() { return string(CASE_NUMBER); }
  public String intakeUser() { return string(INTAKE_USER); }
  public String citizenName() { return string(CITIZEN_NAME); }
  public String citizenPhone() { return string(CITIZEN_PHONE); }
  public String appealType() { return string(APPEAL_TYPE); }
  public String urgency() { return string(URGENCY); }
  public String area() { return string(AREA); }
  public String category() { return string(CATEGORY); }
  public String handlingUnit() { return string(HANDLING_UNIT); }
  public String handlingUnitName() { return string(HANDLING_UNIT_NAME); }
  public String assistingUnit() { return string(ASSISTING_UNIT); }
  public String assistingUnitName() { return string(ASSISTING_UNIT_NAME); }
  public Date assistSignDueAt() { return date(ASSIST_SIGN_DUE_AT); }
  public Date assistReplyDueAt() { return date(ASSIST_REPLY_DUE_AT); }
  public Date assistSignedAt() { return date(ASSIST_SIGNED_AT); }
  public String assistReply() { return string(ASSIST_REPLY); }
  public String returnReason() { return string(RETURN_REASON); }
  public String redispatchUnit() { return string(REDISPATCH_UNIT); }
  public String handlingResult() { return string(HANDLING_RESULT); }
  public String visitResult() { return string(VISIT_RESULT); }
  public String rehandleKind() { return string(REHANDLE_KIND); }
  public Date receivedAt() { return date(RECEIVED_AT); }
  public Date dispatchedAt() { return date(DISPATCHED_AT); }
  public Date signDueAt() { return date(SIGN_DUE_AT); }
  public Date returnDueAt() { return date(RETURN_DUE_AT); }
  public Date handlingDueAt() { return date(HANDLING_DUE_AT); }
  public Date handlingWarningAt() { return date(HANDLING_WARNING_AT); }
  public int handlingWorkdays() { return number(HANDLING_WORKDAYS); }
  public int handlingHours() { return number(HANDLING_HOURS); }
  public int warningWorkdays() { return number(WARNING_WORKDAYS); }
  public int warningHours() { return number(WARNING_HOURS); }
  public int signHours() { return number(SIGN_HOURS); }
  public int returnWorkdays() { return number(RETURN_WORKDAYS); }
  public int maxExtensionWorkdays() { return number(MAX_EXTENSION_WORKDAYS); }
  public int approvedWorkdays() { return number(APPROVED_WORKDAYS); }
  public int rehandles() { return number(REHANDLES); }
  public int contactAttempts() { return number(CONTACT_ATTEMPTS); }
  public int lateReturnAttempts() { return number(LATE_RETURN_ATTEMPTS); }
  public boolean problemResolved() { return Boolean.TRUE.equals(scope.getVariable(PROBLEM_RESOLVED)); }

  /** Name and phone are withheld from the handling unit: the citizen asked for it, or the appeal is a 举报. */
  public boolean confidential() {
    return Boolean.TRUE.equals(scope.getVariable(CONFIDENTIAL)) || AppealType.REPORT.code().equals(appealType());
  }

  public boolean returned() { return RETURN.equals(string(SIGN_RESULT)); }
  public boolean returnAccepted() { return ACCEPT.equals(string(RETURN_DECISION)); }
  public boolean answeredDirectly() { return ANSWERED.equals(string(TRIAGE_RESULT)); }

  /** The knowledge entry a direct answer used: empty when none was picked (or the value is no entry number). */
  public java.util.OptionalLong knowledgeEntryId() {
    String id = string(KNOWLEDGE_ENTRY_ID);
    return id != null && id.strip().matches("[0-9]{1,18}") ? java.util.OptionalLong.of(Long.parseLong(id.strip()))
        : java.util.OptionalLong.empty();
  }


  /** The time limit as told to the citizen and the unit, e.g. "7 个工作日" or "24 小时". */
  public String limitText() {
    return handlingHours() > 0 ? handlingHours() + " 小时" : handlingWorkdays() + " 个工作日";
  }

  /** Parameters every hotline template may use besides {caseNumber}; never the citizen's name or phone. */
  public Map<String, Object> noticeParams() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("appealTypeLabel", AppealType.label(appealType()));
    params.put("urgencyLabel", "urgent".equals(urgency()) ? "紧急" : "一般");
    params.put("receivedAt", receivedAt());
    params.put("limitText", limitText());
    params.put("unitName", handlingUnitName() != null ? handlingUnitName() : handlingUnit());
    params.put("dispatchedAt", dispatchedAt());
    params.put("signDueAt", signDueAt());
    params.put("returnDueAt", returnDueAt());
    params.put("handlingDueAt", handlingDueAt());
    params.put("returnReason", returnReason());
    params.put("outcome", string(CLOSE_OUTCOME));
    params.put("assistUnitName", assistingUnitName());
    params.put("assistSignDueAt", assistSignDueAt());
    params.put("assistReplyDueAt", assistReplyDueAt());
    params.put("assistTimeoutReason", string(ASSIST_TIMEOUT_REASON));
    return params;
  }

  /** A blank text (an untouched optional form field) reads as unset. */
}
