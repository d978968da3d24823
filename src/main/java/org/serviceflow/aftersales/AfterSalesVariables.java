package org.serviceflow.aftersales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.serviceflow.casefile.ProcessVariables;
import org.serviceflow.web.CodeList;

/**
 * Names of the after-sales process variables, and typed access to them. The intake (REST and Tasklist start
 * form) writes the intake group; the model, its decisions, forms and delegates add the rest. Codes are stored,
 * Chinese labels are shown by the forms. Numbers written by forms arrive as Integer or Double, so they are read
 * as {@link Number}; dates written by forms arrive as ISO strings.
 */
public final class AfterSalesVariables extends ProcessVariables {

  public static final String PROCESS_KEY = "afterSalesService";

  // intake (售后服务申请) — written by POST /api/service-requests and by the start form
  public static final String CUSTOMER_NAME = "customerName";
  public static final String CUSTOMER_PHONE = "customerPhone";
  public static final String CUSTOMER_EMAIL = "customerEmail";
  public static final String ADDRESS = "address";
  /** Product line code, the key of the warranty decision (e.g. appliance / electronics / furniture). */
  public static final String PRODUCT_LINE = "productLine";
  public static final String PRODUCT_MODEL = "productModel";
  public static final String SERIAL_NUMBER = "serialNumber";
  /** ISO date string "2026-11-01" (as Tasklist date fields store it). */
  public static final String PURCHASE_DATE = "purchaseDate";
  /** Invoice or order number proving the purchase. */
  public static final String PROOF_OF_PURCHASE = "proofOfPurchase";
  /** repair / installation / replacement / return / maintenance / advice. */
  public static final String SERVICE_TYPE = "serviceType";
  public static final String FAULT_DESCRIPTION = "faultDescription";
  /** urgent (紧急) / normal (一般). */
  public static final String URGENCY = "urgency";
  /** Region code district-a / district-b / other (片区, input of afterSalesDispatch); the intake writes other if none. */
  public static final String REGION = "region";

  public static final String RETURN = "return";
  public static final String URGENT = "urgent";

  // registration (登记售后服务单) — RegisterServiceOrderDelegate; the start event's camunda:initiator
  /** String: the intake clerk, who stays case owner. */
  public static final String INTAKE_USER = "intakeUser";
  /** String: SH + yyMM + serial, also the business key. */
  public static final String CASE_NUMBER = "caseNumber";
  /** Date: when the request was received; the reply deadline counts from it. */
  public static final String RECEIVED_AT = "receivedAt";
  /** Integer or null: whole months from the purchase date to the day of receipt (input of afterSalesWarranty). */
  public static final String MONTHS_SINCE_PURCHASE = "monthsSincePurchase";
  /** Boolean: a return within noReasonReturnDays of purchase (七天无理由退货, no assessment). */
  public static final String NO_REASON_RETURN = "noReasonReturn";
  /** Boolean: the serial number was completed within repeatRepairWindowDays before (重复维修). */
  public static final String REPEAT_REPAIR = "repeatRepair";
  /** String: the earlier case of a repeat repair. */
  public static final String EARLIER_CASE_NUMBER = "earlierCaseNumber";

  // time limits (Integer) — decision afterSalesTimeLimits, mapped by Task_DetermineTimeLimits
  public static final String REPLY_HOURS = "replyHours";
  public static final String RETURN_VISIT_HOURS = "returnVisitHours";
  public static final String FACTORY_RETURN_WORKDAYS = "factoryReturnWorkdays";
  public static final String REPEAT_REPAIR_WINDOW_DAYS = "repeatRepairWindowDays";
  public static final String NO_REASON_RETURN_DAYS = "noReasonReturnDays";

  // warranty (Boolean, Integer) — decision afterSalesWarranty; triage (String phone / onsite) — afterSalesTriage
  public static final String IN_WARRANTY = "inWarranty";
  public static final String WARRANTY_MONTHS = "warrantyMonths";
  public static final String TRIAGE_START = "triageStart";

  // reply (答复客户) and 7-day return (办理七天无理由退货) forms
  public static final String REPLY_CHANNEL = "replyChannel";
  public static final String REPLY_NOTE = "replyNote";
  public static final String REFUND_AMOUNT = "refundAmount";
  public static final String RETURN_NOTE = "returnNote";

  // assessment (售后服务评估) form
  /** in / out: within the after-sales scope. */
  public static final String SCOPE = "scope";
  public static final String OUT_OF_SCOPE = "out";
  public static final String OUT_OF_SCOPE_REASON = "outOfScopeReason";
  /** Boolean: damage caused by the customer, charged even in warranty. */
  public static final String CUSTOMER_CAUSED = "customerCaused";
  public static final String ASSESSMENT_NOTE = "assessmentNote";

  // quote (报价, 客户确认报价) forms
  /** Number (yuan). */
  public static final String QUOTE_AMOUNT = "quoteAmount";
  public static final String QUOTE_NOTE = "quoteNote";
  /** accepted / declined. */
  public static final String QUOTE_DECISION = "quoteDecision";
  public static final String DECLINED = "declined";

  // triage forms: solved / unsolved
  public static final String PHONE_RESULT = "phoneResult";
  public static final String REMOTE_RESULT = "remoteResult";

  // dispatch (确定技能组, 推荐技术员, 派工) and appointment (预约上门时间, 告知预约)
  /** String: the skill group the technician is proposed from — decision afterSalesDispatch. */
  public static final String TECHNICIAN_GROUP = "technicianGroup";
  /** String: the technician with the least open work, proposed by ProposeTechnicianDelegate. */
  public static final String PROPOSED_TECHNICIAN = "proposedTechnician";
  /** String: the dispatched technician's user id (null until dispatch). */
  public static final String TECHNICIAN = "technician";
  /** ISO date-time string as the form stores it, e.g. "2026-11-03T10:00+08:00". */
  public static final String APPOINTMENT_AT = "appointmentAt";
  /** Date: the arrival deadline, the appointment (same day at the latest for urgent requests). */
  public static final String VISIT_DUE_AT = "visitDueAt";

  // on-site inspection (现场检测) and spare parts (申请备件)
  public static final String INSPECTION_FINDINGS = "inspectionFindings";
  /** Boolean: a difficult fault (疑难故障), reported to after-sales-manager the same day (B.6; 003:375). */
  public static final String DIFFICULT_FAULT = "difficultFault";
  public static final String DIFFICULT_FAULT_NOTE = "difficultFaultNote";
  public static final String EXTRA_COST_FOUND = "extraCostFound";
  public static final String EXTRA_COST_AMOUNT = "extraCostAmount";
  /** agreed / requote / refused: the customer's answer to extra cost found on site (B.6; 000:64). */
  public static final String EXTRA_COST_CONSENT = "extraCostConsent";
  /** The customer refuses the extra cost: sales quotes it again (Task_RequoteExtraCost). */
  public static final String CONSENT_REQUOTE = "requote";
  /** The customer refuses the extra cost and the service ends, with the reason told to the customer. */
  public static final String CONSENT_REFUSED = "refused";
  /** Why the customer refused the extra cost; the case's outcome and the customer's notice say it. */
  public static final String CONSENT_REFUSED_REASON = "consentRefusedReason";
  /** onsite / factory / not-repairable. */
  public static final String REPAIR_METHOD = "repairMethod";
  public static final String PARTS_NEEDED = "partsNeeded";
  public static final String PART_NAME = "partName";
  public static final String PART_MODEL = "partModel";
  /** Number. */
  public static final String PART_QUANTITY = "partQuantity";
  /** ISO date string: the parts are needed by the end of this day. */
  public static final String PARTS_NEEDED_BY = "partsNeededBy";
  /** Date: partsNeededBy at the end of the working day (serviceflow.calendar.end-of-day). */
  public static final String PARTS_DUE_AT = "partsDueAt";

  // factory return (登记返厂并告知客户)
  /** Date: when the product was sent to the factory; the 10-working-day limit counts from it. */
  public static final String FACTORY_SENT_AT = "factorySentAt";

  // service report (填写服务报告单, 登记服务结果)
  public static final String PROBLEM_FOUND = "problemFound";
  public static final String SERVICE_RESULT = "serviceResult";
  /** Numbers (yuan). */
  public static final String LABOUR_COST = "labourCost";
  public static final String MATERIALS_COST = "materialsCost";
  public static final String TRANSPORT_COST = "transportCost";
  /** Date: when the service report was recorded; the return visit counts from it. */
  public static final String COMPLETED_AT = "completedAt";

  // acceptance (客户验收) and return visit (回访)
  /** accepted / rejected. */
  public static final String ACCEPTANCE = "acceptance";
  /** satisfied / unsatisfied. */
  public static final String SATISFACTION = "satisfaction";
  public static final String SATISFIED = "satisfied";

  private AfterSalesVariables(VariableScope scope) {
    super(scope);
  }

  /** Typed access to the variables visible from an execution or task. */
  public static AfterSalesVariables of(VariableScope scope) {
    return new AfterSalesVariables(scope);
  }

  public String caseNumber() { return string(CASE_NUMBER); }
  public String intakeUser() { return string(INTAKE_USER); }
  public String customerName() { return string(CUSTOMER_NAME); }
  public String customerPhone() { return string(CUSTOMER_PHONE); }
  public String customerEmail() { return string(CUSTOMER_EMAIL); }
  public String productLine() { return string(PRODUCT_LINE); }
  public String productModel() { return string(PRODUCT_MODEL); }
  public String serialNumber() { return string(SERIAL_NUMBER); }
  public String serviceType() { return string(SERVICE_TYPE); }
  public String urgency() { return string(URGENCY); }
  public boolean urgent() { return URGENT.equals(urgency()); }
  public String region() { return string(REGION); }
  public LocalDate purchaseDate() { return isoDate(PURCHASE_DATE); }
  public Date receivedAt() { return date(RECEIVED_AT); }
  public Date completedAt() { return date(COMPLETED_AT); }
  public Date visitDueAt() { return date(VISIT_DUE_AT); }
  public String technician() { return string(TECHNICIAN); }
  public String technicianGroup() { return string(TECHNICIAN_GROUP); }
  public String appointmentAt() { return string(APPOINTMENT_AT); }
  public String partsNeededBy() { return string(PARTS_NEEDED_BY); }
  public int replyHours() { return number(REPLY_HOURS); }
  public int factoryReturnWorkdays() { return number(FACTORY_RETURN_WORKDAYS); }
  public int repeatRepairWindowDays() { return number(REPEAT_REPAIR_WINDOW_DAYS); }
  public int noReasonReturnDays() { return number(NO_REASON_RETURN_DAYS); }
  public Boolean inWarranty() { return (Boolean) scope.getVariable(IN_WARRANTY); }
  public boolean customerCaused() { return Boolean.TRUE.equals(scope.getVariable(CUSTOMER_CAUSED)); }
  public boolean noReasonReturn() { return Boolean.TRUE.equals(scope.getVariable(NO_REASON_RETURN)); }
  public boolean outOfScope() { return OUT_OF_SCOPE.equals(string(SCOPE)); }
  public boolean quoteDeclined() { return DECLINED.equals(string(QUOTE_DECISION)); }
  public boolean consentRefused() { return CONSENT_REFUSED.equals(string(EXTRA_COST_CONSENT)); }
  public String consentRefusedReason() { return string(CONSENT_REFUSED_REASON); }
  public boolean satisfied() { return SATISFIED.equals(string(SATISFACTION)); }
  public String outOfScopeReason() { return string(OUT_OF_SCOPE_REASON); }
  public BigDecimal labourCost() { return money(LABOUR_COST); }
  public BigDecimal materialsCost() { return money(MATERIALS_COST); }
  public BigDecimal transportCost() { return money(TRANSPORT_COST); }

  /** Free of charge: in warranty and not caused by the customer. */
  public boolean freeOfCharge() {
    return Boolean.TRUE.equals(inWarranty()) && !customerCaused();
  }


  /** The parameters every after-sales notification template may use besides {caseNumber}. */
  public Map<String, Object> noticeParams() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("customerName", customerName());
    params.put("serviceTypeLabel", CodeList.Coded.labelOf(ServiceRequest.ServiceType.values(), serviceType()));
    params.put("productLineLabel", CodeList.Coded.labelOf(ServiceRequest.ProductLine.values(), productLine()));
    params.put("productModel", productModel());
    params.put("serialNumber", serialNumber());
    params.put("urgencyLabel", urgent() ? "紧急" : "一般");
    params.put("receivedAt", receivedAt());
    params.put("replyHours", scope.getVariable(REPLY_HOURS));
    params.put("returnVisitHours", scope.getVariable(RETURN_VISIT_HOURS));
    params.put("factoryReturnWorkdays", scope.getVariable(FACTORY_RETURN_WORKDAYS));
    params.put("quoteAmount", scope.getVariable(QUOTE_AMOUNT));
    params.put("technician", technician());
    params.put("visitDueAt", visitDueAt());
    params.put("outOfScopeReason", outOfScopeReason());
    params.put("extraCostAmount", scope.getVariable(EXTRA_COST_AMOUNT));
    params.put("consentRefusedReason", consentRefusedReason());
    params.put("partName", string(PART_NAME));
    params.put("partModel", string(PART_MODEL));
    params.put("partQuantity", scope.getVariable(PART_QUANTITY));
    params.put("partsNeededBy", partsNeededBy());
    params.put("serviceResult", string(SERVICE_RESULT));
    params.put("difficultFaultNote", string(DIFFICULT_FAULT_NOTE));
    return params;
  }





  private BigDecimal money(String name) {
    Object value = scope.getVariable(name);
    return ServiceOrder.money(value instanceof Number n ? new BigDecimal(n.toString()) : BigDecimal.ZERO);
  }
}
