package org.serviceflow.reporting;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.serviceflow.casefile.CaseType;
import org.serviceflow.reporting.ReportTable.Kind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 服务监督报告 (PROCESSES.md E; seeds 002:6): per process, last month's intake, closings, and how the deadlines due in
 * the month were kept — met in time, met late, not met — including the follow-up (回访) deadlines. From the case file
 * (service_case, case_deadline). Definitions in docs/reporting.md.
 */
@Component
class SupervisionReport implements ReportCompiler {

  /** Per process, cases opened and cases closed in the month: two index range scans (V1, V24), not the whole table. */
  private static final String CASES = """
      select process_type, sum(received) received, sum(closed) closed
        from (select process_type, count(*) received, 0 closed
                from service_case
               where process_type in (%1$s) and opened_at >= ? and opened_at < ?
               group by process_type
              union all
              select process_type, 0, count(*)
                from service_case
               where process_type in (%1$s) and closed_at >= ? and closed_at < ?
               group by process_type) t
       group by process_type""".formatted(Arrays.stream(CaseType.values()).map(type -> "'" + type.name() + "'")
      .collect(Collectors.joining(", ")));
  private static final String DEADLINES = """
      select c.process_type,
             sum(case when d.kind <> 'RETURN_VISIT' then 1 else 0 end) due,
             sum(case when d.kind <> 'RETURN_VISIT' and d.met_at <= d.due_at then 1 else 0 end) in_time,
             sum(case when d.kind <> 'RETURN_VISIT' and d.met_at > d.due_at then 1 else 0 end) late,
             sum(case when d.kind = 'RETURN_VISIT' then 1 else 0 end) visits_due,
             sum(case when d.kind = 'RETURN_VISIT' and d.met_at <= d.due_at then 1 else 0 end) visits_in_time
        from case_deadline d join service_case c on c.id = d.case_id
       where d.due_at >= ? and d.due_at < ?
       group by c.process_type""";

  private final JdbcTemplate jdbc;

  SupervisionReport(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public ReportType type() {
    return ReportType.SUPERVISION_REPORT;
  }

  @Override
  public List<ReportTable> compile(ReportPeriod period) {
    ReportTable.Builder table = ReportTable.builder("byProcess", "受理、按时办理和回访（按流程）")
        .column("process", "流程", Kind.TEXT).column("label", "名称", Kind.TEXT)
        .column("received", "受理", Kind.COUNT).column("closed", "结案", Kind.COUNT)
        .column("deadlinesDue", "到期环节", Kind.COUNT).column("inTime", "按时完成", Kind.COUNT)
        .column("late", "超时完成", Kind.COUNT).column("notMet", "未完成", Kind.COUNT)
        .column("onTimeRate", "按时率", Kind.RATE).column("visitsDue", "应回访", Kind.COUNT)
        .column("visitsInTime", "按时回访", Kind.COUNT).column("visitRate", "按时回访率", Kind.RATE);
    Object from = period.fromTimestamp();
    Object to = period.toTimestamp();
    Map<String, long[]> cases = new HashMap<>();
    jdbc.query(CASES, rs -> {
      cases.put(rs.getString("process_type"), new long[] {rs.getLong("received"), rs.getLong("closed")});
    }, from, to, from, to);
    Map<String, long[]> deadlines = new HashMap<>();
    jdbc.query(DEADLINES, rs -> {
      deadlines.put(rs.getString("process_type"), new long[] {rs.getLong("due"), rs.getLong("in_time"),
          rs.getLong("late"), rs.getLong("visits_due"), rs.getLong("visits_in_time")});
    }, from, to);
    for (CaseType type : CaseType.values()) {
      long[] c = cases.getOrDefault(type.name(), new long[2]);
      long[] d = deadlines.getOrDefault(type.name(), new long[5]);
      table.row(type.processKey(), type.label(), c[0], c[1], d[0], d[1], d[2], d[0] - d[1] - d[2],
          ReportCompiler.rate(d[1], d[0]), d[3], d[4], ReportCompiler.rate(d[4], d[3]));
    }
    return List.of(table.build());
  }
}
