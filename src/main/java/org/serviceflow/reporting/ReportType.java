package org.serviceflow.reporting;

import java.util.Arrays;
import java.util.Optional;

/**
 * The monthly reports of PROCESSES.md E, each run for the previous calendar month. Who owns, approves, publishes and
 * receives a report, and its due day, are in the decision table bpmn/monthlyReportRules.dmn (process owners edit it);
 * what each figure means is in docs/reporting.md.
 */
public enum ReportType {
  COMPLAINT_STATISTICS("complaintStatistics", "客户投诉案件统计表"),
  PENALTY_REVIEW("penaltyReview", "投诉处分审查"),
  SUPERVISION_REPORT("supervisionReport", "服务监督报告"),
  AFTER_SALES_STATISTICS("afterSalesStatistics", "售后服务统计"),
  AFTER_SALES_SUMMARY("afterSalesSummary", "售后服务总结与改进建议"),
  STAFF_ASSESSMENT("staffAssessment", "员工考核"),
  UNIT_ASSESSMENT("unitAssessment", "12345 承办单位考核");

  private final String key;
  private final String label;

  ReportType(String key, String label) {
    this.key = key;
    this.label = label;
  }

  /** The key used in the API, the models and the decision table, e.g. {@code complaintStatistics}. */
  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  public static Optional<ReportType> ofKey(String key) {
    return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
  }
}
