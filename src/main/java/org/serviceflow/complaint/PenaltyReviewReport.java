package org.serviceflow.complaint;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.serviceflow.casefile.CaseLabels;
import org.serviceflow.casefile.CaseType;
import org.serviceflow.reporting.GroupNames;
import org.serviceflow.reporting.ReportCompiler;
import org.serviceflow.reporting.ReportPeriod;
import org.serviceflow.reporting.ReportTable;
import org.serviceflow.reporting.ReportTable.Kind;
import org.serviceflow.reporting.ReportType;
import org.springframework.stereotype.Component;

/**
 * 处分审查 (PROCESSES.md E; seeds 002:203–205, fines 200–1,500 yuan per case 002:260): the complaints closed last month
 * with a disciplinary decision other than 不予处分, per case and per department with the fines. Definitions in
 * docs/reporting.md.
 */
@Component
class PenaltyReviewReport implements ReportCompiler {

  private final ClosedComplaints closed;
  private final GroupNames groupNames;
  private final CaseLabels labels;

  PenaltyReviewReport(ClosedComplaints closed, GroupNames groupNames, CaseLabels labels) {
    this.closed = closed;
    this.groupNames = groupNames;
    this.labels = labels;
  }

  @Override
  public ReportType type() {
    return ReportType.PENALTY_REVIEW;
  }

  @Override
  public List<ReportTable> compile(ReportPeriod period) {
    List<ClosedComplaints.Closed> penalties = closed.in(period).stream().filter(ClosedComplaints.Closed::disciplined)
        .toList();
    Map<String, String> groups = groupNames.all();
    ReportTable.Builder cases = ReportTable.builder("cases", "处分决定（按案件）")
        .column("caseNumber", "案件编号", Kind.TEXT).column("department", "部门", Kind.TEXT)
        .column("departmentName", "部门名称", Kind.TEXT).column("person", "被处分人", Kind.TEXT)
        .column("action", "处理决定", Kind.TEXT).column("fine", "罚款（元）", Kind.MONEY)
        .perDepartment("department");
    Map<String, double[]> byDepartment = new TreeMap<>();
    for (ClosedComplaints.Closed c : penalties) {
      String person = c.staff() != null ? c.staff() : c.responsible();
      cases.row(c.caseNumber(), c.department(), groups.getOrDefault(c.department(), c.department()), person,
          labels.label(CaseType.COMPLAINT, ComplaintVariables.DISCIPLINE_ACTION, c.discipline()), c.fine() == null ? 0.0 : c.fine());
      double[] sum = byDepartment.computeIfAbsent(String.valueOf(c.department()), d -> new double[2]);
      sum[0]++;
      sum[1] += c.fine() == null ? 0 : c.fine();
    }
    ReportTable.Builder departments = ReportTable.builder("byDepartment", "按部门汇总")
        .column("department", "部门", Kind.TEXT).column("departmentName", "部门名称", Kind.TEXT)
        .column("penalties", "处分件数", Kind.COUNT).column("fines", "罚款合计（元）", Kind.MONEY)
        .perDepartment("department");
    byDepartment.forEach((d, sum) -> departments.row(d, groups.getOrDefault(d, d), (long) sum[0], sum[1]));
    return List.of(cases.build(), departments.build());
  }
}
