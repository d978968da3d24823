package org.serviceflow.complaint;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.serviceflow.casefile.CaseLabels;
import org.serviceflow.casefile.CaseType;
import org.serviceflow.reporting.GroupNames;
import org.serviceflow.reporting.ReportCompiler;
import org.serviceflow.reporting.ReportPeriod;
import org.serviceflow.reporting.ReportTable;
import org.serviceflow.reporting.ReportTable.Kind;
import org.serviceflow.reporting.ReportType;
import org.serviceflow.merge.RepeatCalls;
import org.springframework.stereotype.Component;

/**
 * 客户投诉案件统计表 (PROCESSES.md E; seeds 002:194): the complaints closed last month, in total and by category,
 * handling department, severity and customer tier, and who was found responsible. Definitions in docs/reporting.md.
 */
@Component
class ComplaintStatisticsReport implements ReportCompiler {

  private final ClosedComplaints closed;
  private final GroupNames groupNames;
  private final CaseLabels labels;
  private final RepeatCalls repeatCalls;

  ComplaintStatisticsReport(ClosedComplaints closed, GroupNames groupNames, CaseLabels labels,
      RepeatCalls repeatCalls) {
    this.closed = closed;
    this.groupNames = groupNames;
    this.labels = labels;
    this.repeatCalls = repeatCalls;
  }

  @Override
  public ReportType type() {
    return ReportType.COMPLAINT_STATISTICS;
  }

  @Override
  public List<ReportTable> compile(ReportPeriod period) {
    List<ClosedComplaints.Closed> cases = closed.in(period);
    Map<String, String> groups = groupNames.all();
    return List.of(
        tally("summary", "概况", "scope", "范围", null, cases, c -> "全部", c -> "全部结案投诉"),
        tally("byCategory", "按类别", "category", "类别", null, cases, ClosedComplaints.Closed::category,
            code -> labels.category(CaseType.COMPLAINT, code)),
        tally("byDepartment", "按处理部门", "department", "部门", "department", cases,
            c -> c.department() == null ? "—" : c.department(), id -> groups.getOrDefault(id, id)),
        tally("bySeverity", "按严重程度", "severity", "严重程度", null, cases, ClosedComplaints.Closed::severity,
            code -> labels.severity(CaseType.COMPLAINT, code)),
        tally("byTier", "按客户等级", "tier", "客户等级", null, cases, c -> c.tier() == null ? "—" : c.tier(),
            code -> labels.label(CaseType.COMPLAINT, ComplaintVariables.CUSTOMER_TIER, code)),
        responsibility(cases, groups),
        repeats(cases));
  }

  /**
   * 重复来电: the closed complaints by category, how many of them had repeat calls merged into them (并单), and how
   * many repeat calls those were. A merged call is counted here, never as a complaint of its own (结案数 counts cases).
   */
  private ReportTable repeats(List<ClosedComplaints.Closed> cases) {
    Map<String, Long> merged = repeatCalls.mergedInto(cases.stream().map(ClosedComplaints.Closed::caseNumber).toList());
    Map<String, long[]> counts = new TreeMap<>();
    for (ClosedComplaints.Closed c : cases) {
      long[] n = counts.computeIfAbsent(c.category(), k -> new long[3]);
      long repeats = merged.getOrDefault(c.caseNumber(), 0L);
      n[0]++;
      n[1] += repeats > 0 ? 1 : 0;
      n[2] += repeats;
    }
    ReportTable.Builder table = ReportTable.builder("repeatCalls", "重复来电（并单，不计为新案件）")
        .column("category", "类别", Kind.TEXT).column("label", "名称", Kind.TEXT)
        .column("closed", "结案数", Kind.COUNT).column("withRepeatCalls", "有重复来电的案件", Kind.COUNT)
        .column("repeatCalls", "重复来电次数", Kind.COUNT);
    counts.forEach((k, n) -> table.row(k, labels.category(CaseType.COMPLAINT, k), n[0], n[1], n[2]));
    return table.build();
  }

  /**
   * Per key: closed, valid (属实), resolved in time out of those with a resolution deadline, satisfied out of visited,
   * and the average 办理时长 from receipt to closing in hours on working days.
   */
  private static ReportTable tally(String key, String title, String keyColumn, String keyLabel, String scope,
      List<ClosedComplaints.Closed> cases, Function<ClosedComplaints.Closed, String> keyOf,
      Function<String, String> labelOf) {
    Map<String, long[]> counts = new TreeMap<>();
    Map<String, Double> hours = new TreeMap<>();
    for (ClosedComplaints.Closed c : cases) {
      String rowKey = keyOf.apply(c);
      hours.merge(rowKey, c.handlingHours(), Double::sum);
      long[] n = counts.computeIfAbsent(rowKey, k -> new long[6]);
      n[0]++;
      n[1] += c.valid() ? 1 : 0;
      n[2] += Boolean.TRUE.equals(c.onTime()) ? 1 : 0;
      n[3] += c.onTime() != null ? 1 : 0;
      n[4] += c.satisfied() ? 1 : 0;
      n[5] += c.satisfaction() != null ? 1 : 0;
    }
    ReportTable.Builder table = ReportTable.builder(key, title)
        .column(keyColumn, keyLabel, Kind.TEXT).column("label", "名称", Kind.TEXT)
        .column("closed", "结案数", Kind.COUNT).column("valid", "属实", Kind.COUNT)
        .column("onTime", "按时办结", Kind.COUNT).column("onTimeRate", "按时办结率", Kind.RATE)
        .column("satisfied", "满意", Kind.COUNT).column("satisfactionRate", "满意率", Kind.RATE)
        .column("averageHandlingHours", "平均办理时长（工作小时）", Kind.HOURS);
    if (scope != null) {
      table.perDepartment(scope);
    }
    counts.forEach((k, n) -> table.row(k, labelOf.apply(k), n[0], n[1], n[2], ReportCompiler.rate(n[2], n[3]), n[4],
        ReportCompiler.rate(n[4], n[5]), hours.get(k) / n[0]));
    return table.build();
  }

  private static ReportTable responsibility(List<ClosedComplaints.Closed> cases, Map<String, String> groups) {
    ReportTable.Builder table = ReportTable.builder("responsibility", "责任确认（属实的投诉）")
        .column("caseNumber", "案件编号", Kind.TEXT).column("department", "部门", Kind.TEXT)
        .column("departmentName", "部门名称", Kind.TEXT).column("responsible", "责任人", Kind.TEXT)
        .column("cause", "原因", Kind.TEXT).column("onTime", "按时办结", Kind.TEXT)
        .perDepartment("department");
    cases.stream().filter(ClosedComplaints.Closed::valid).forEach(c -> table.row(c.caseNumber(), c.department(),
        groups.getOrDefault(c.department(), c.department()), c.responsible(), c.cause(),
        c.onTime() == null ? "—" : c.onTime() ? "是" : "否"));
    return table.build();
  }
}
