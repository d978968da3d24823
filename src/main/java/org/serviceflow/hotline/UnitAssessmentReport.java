package org.serviceflow.hotline;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.serviceflow.reporting.GroupNames;
import org.serviceflow.reporting.ReportCompiler;
import org.serviceflow.reporting.ReportPeriod;
import org.serviceflow.reporting.ReportTable.Kind;
import org.serviceflow.reporting.ReportTable;
import org.serviceflow.reporting.ReportType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The 12345 unit assessment as a monthly report (PROCESSES.md D.12, E): the figures of {@link UnitAssessmentService},
 * one row per unit, ranked. Rank: on-time close rate, then satisfaction rate, then response rate, each highest first
 * (a missing rate ranks last); equal rates share a rank. A third table counts each unit's assisting parts (协办, issue 11).
 * Each unit sees only its own row.
 */
@Component
class UnitAssessmentReport implements ReportCompiler {

  private static final Comparator<Double> HIGHEST_FIRST = Comparator.nullsLast(Comparator.reverseOrder());
  static final Comparator<UnitAssessment> RANKING = Comparator
      .comparing(UnitAssessment::onTimeCloseRate, HIGHEST_FIRST)
      .thenComparing(UnitAssessment::satisfactionRate, HIGHEST_FIRST)
      .thenComparing(UnitAssessment::responseRate, HIGHEST_FIRST);

  static final Map<String, String> STEPS = Map.of("sign-for", "签收超时", "return", "逾期退单", "reply", "办结超时",
      "assist-sign-for", "协办签收超时", "assist-reply", "协办答复超时");
  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final UnitAssessmentService assessments;
  private final GroupNames groupNames;

  private final ZoneId zone;

  UnitAssessmentReport(UnitAssessmentService assessments, GroupNames groupNames,
      @Value("${serviceflow.calendar.zone:Asia/Shanghai}") ZoneId zone) {
    this.assessments = assessments;
    this.groupNames = groupNames;
    this.zone = zone;
  }

  /** An instant as staff read it, in the calendar zone, to the minute; none as null. */
  private String local(Instant instant) {
    return instant == null ? null : MINUTES.format(instant.atZone(zone));
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
    ReportTable.Builder late = ReportTable.builder("lateSteps", "超时明细（签收超时、逾期退单、办结超时、协办超时）")
        .column("unit", "单位", Kind.TEXT).column("unitName", "单位名称", Kind.TEXT)
        .column("caseNumber", "案件编号", Kind.TEXT).column("step", "环节", Kind.TEXT)
        .column("dueAt", "时限", Kind.TEXT).column("doneAt", "完成时间", Kind.TEXT)
        .perUnit("unit");
    for (UnitAssessmentService.LateStep step : assessments.lateSteps(period.month())) {
      late.row(step.unit(), names.getOrDefault(step.unit(), step.unit()), step.caseNumber(),
          STEPS.getOrDefault(step.what(), step.what()), local(step.dueAt()), local(step.doneAt()));
    }
    ReportTable.Builder assists = ReportTable.builder("assists", "协办考核（会办中各协办单位的部分）")
        .column("unit", "单位", Kind.TEXT).column("unitName", "单位名称", Kind.TEXT)
        .column("assists", "协办数", Kind.COUNT).column("ended", "已结束", Kind.COUNT)
        .column("signRate", "协办签收及时率", Kind.RATE).column("replyRate", "协办答复及时率", Kind.RATE)
        .column("timedOut", "协办超时", Kind.COUNT)
        .perUnit("unit");
    for (AssistAssessment a : assessments.assists(period.month())) {
      assists.row(a.unit(), names.getOrDefault(a.unit(), a.unit()), a.assists(), a.ended(), a.signRate(), a.replyRate(),
          a.timedOut());
    }
    return List.of(table.build(), late.build(), assists.build());
  }
}
