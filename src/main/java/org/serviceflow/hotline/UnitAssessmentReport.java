package org.serviceflow.hotline;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.serviceflow.reporting.GroupNames;
import org.serviceflow.reporting.ReportCompiler;
import org.serviceflow.reporting.ReportPeriod;
import org.serviceflow.reporting.ReportTable;
import org.serviceflow.reporting.ReportTable.Kind;
import org.serviceflow.reporting.ReportType;
import org.springframework.stereotype.Component;

/**
 * The 12345 unit assessment as a monthly report (PROCESSES.md D.12, E): the figures of {@link UnitAssessmentService},
 * one row per unit, ranked. Rank: on-time close rate, then satisfaction rate, then response rate, each highest first
 * (a missing rate ranks last); equal rates share a rank. Each unit sees only its own row.
 */
@Component
class UnitAssessmentReport implements ReportCompiler {

  private static final Comparator<Double> HIGHEST_FIRST = Comparator.nullsLast(Comparator.reverseOrder());
  static final Comparator<UnitAssessment> RANKING = Comparator
      .comparing(UnitAssessment::onTimeCloseRate, HIGHEST_FIRST)
      .thenComparing(UnitAssessment::satisfactionRate, HIGHEST_FIRST)
      .thenComparing(UnitAssessment::responseRate, HIGHEST_FIRST);

  private final UnitAssessmentService assessments;
  private final GroupNames groupNames;

  UnitAssessmentReport(UnitAssessmentService assessments, GroupNames groupNames) {
    this.assessments = assessments;
    this.groupNames = groupNames;
  }

  @Override
  public ReportType type() {
    return ReportType.UNIT_ASSESSMENT;
  }

  @Override
  public List<ReportTable> compile(ReportPeriod period) {
    List<UnitAssessment> units = assessments.assess(period.month()).stream().sorted(RANKING).toList();
    Map<String, String> names = groupNames.all();
    ReportTable.Builder table = ReportTable.builder("units", "承办单位考核（按按时办结率、满意率、响应率排名）")
        .column("rank", "排名", Kind.COUNT).column("unit", "单位", Kind.TEXT).column("unitName", "单位名称", Kind.TEXT)
        .column("received", "派单数", Kind.COUNT).column("responseRate", "响应率", Kind.RATE)
        .column("closed", "办结数", Kind.COUNT).column("resolutionRate", "解决率", Kind.RATE)
        .column("satisfactionRate", "满意率", Kind.RATE).column("onTimeCloseRate", "按时办结率", Kind.RATE)
        .column("returns", "退单数", Kind.COUNT).column("lateReturns", "逾期退单", Kind.COUNT)
        .column("refusedReturns", "退单被驳回", Kind.COUNT).column("returnRate", "退单率", Kind.RATE)
        .column("rehandleRate", "重办率", Kind.RATE).column("extensionRate", "延期率", Kind.RATE)
        .column("supervisions", "督办数", Kind.COUNT)
        .perUnit("unit");
    int rank = 0;
    UnitAssessment previous = null;
    for (int i = 0; i < units.size(); i++) {
      UnitAssessment u = units.get(i);
      if (previous == null || RANKING.compare(previous, u) != 0) {
        rank = i + 1;
      }
      previous = u;
      table.row(rank, u.unit(), names.getOrDefault(u.unit(), u.unit()), u.received(), u.responseRate(), u.closed(),
          u.resolutionRate(), u.satisfactionRate(), u.onTimeCloseRate(), u.returns(), u.lateReturns(), u.refusedReturns(), u.returnRate(),
          u.rehandleRate(), u.extensionRate(), u.supervisions());
    }
    return List.of(table.build());
  }
}
