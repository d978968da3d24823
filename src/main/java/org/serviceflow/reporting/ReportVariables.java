package org.serviceflow.reporting;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The variables of bpmn/monthlyReport.bpmn, typed. */
public final class ReportVariables {

  public static final String PROCESS_KEY = "monthlyReport";
  public static final String SCHEDULE_PROCESS_KEY = "monthlyReportSchedule";
  /** String: a {@link ReportType} key. */
  public static final String REPORT_TYPE = "reportType";
  /** String: the month reported on, YYYY-MM. */
  public static final String PERIOD = "period";
  // from decision monthlyReportRules
  public static final String OWNER_GROUP = "ownerGroup";
  public static final String APPROVER_GROUP = "approverGroup";
  public static final String PUBLISHER_GROUP = "publisherGroup";
  public static final String RECIPIENT_GROUPS = "recipientGroups";
  public static final String DUE_DAY = "dueDay";
  // written by the compile delegate
  public static final String REPORT_ID = "reportId";
  public static final String REPORT_LABEL = "reportLabel";
  public static final String REPORT_SUMMARY = "reportSummary";
  public static final String REPORT_LINK = "reportLink";
  // review form (Task_ReviewReport)
  public static final String REVIEW_COMMENTS = "reviewComments";
  public static final String IMPROVEMENT_MEASURES = "improvementMeasures";
  // approval form (Task_ApproveReport)
  public static final String APPROVAL_DECISION = "approvalDecision";
  public static final String APPROVED = "approved";

  private final VariableScope scope;

  private ReportVariables(VariableScope scope) {
    this.scope = scope;
  }

  public static ReportVariables of(VariableScope scope) {
    return new ReportVariables(scope);
  }

  public ReportType type() {
    String key = (String) scope.getVariable(REPORT_TYPE);
    return ReportType.ofKey(key).orElseThrow(() -> new IllegalStateException("unknown report type " + key));
  }

  public YearMonth period() {
    return YearMonth.parse((String) scope.getVariable(PERIOD));
  }

  public int dueDay() {
    return ((Number) scope.getVariable(DUE_DAY)).intValue();
  }

  public long reportId() {
    return ((Number) scope.getVariable(REPORT_ID)).longValue();
  }

  public boolean approvalRequired() {
    Object group = scope.getVariable(APPROVER_GROUP);
    return group != null && !group.toString().isBlank();
  }

  public boolean approved() {
    return APPROVED.equals(scope.getVariable(APPROVAL_DECISION));
  }

  public String text(String name) {
    Object value = scope.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }

  /** The parameters of the report notices (notification/templates/reporting.yaml). */
  public Map<String, Object> noticeParams() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("reportLabel", type().label());
    params.put("period", scope.getVariable(PERIOD));
    params.put("reportLink", scope.getVariable(REPORT_LINK));
    return params;
  }
}
