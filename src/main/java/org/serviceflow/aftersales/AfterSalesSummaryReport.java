package org.serviceflow.aftersales;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.serviceflow.casefile.CaseLabels;
import org.serviceflow.casefile.CaseType;
import org.serviceflow.reporting.ReportCompiler;
import org.serviceflow.reporting.ReportPeriod;
import org.serviceflow.reporting.ReportTable;
import org.serviceflow.reporting.ReportTable.Kind;
import org.serviceflow.reporting.ReportType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 售后服务总结 (PROCESSES.md E; seeds 000 L125 §四.6): last month's service items per service type — received, serviced,
 * closed, still open at the month's end, deadlines missed and repeat repairs — for the after-sales manager's summary and
 * rectification measures (written in the review task). Definitions in docs/reporting.md.
 */
@Component
class AfterSalesSummaryReport implements ReportCompiler {

  private static final String QUERY = """
      select o.service_type,
             sum(case when o.received_at >= ? and o.received_at < ? then 1 else 0 end) received,
             sum(case when o.completed_at >= ? and o.completed_at < ? then 1 else 0 end) serviced,
             sum(case when o.closed_at >= ? and o.closed_at < ? then 1 else 0 end) closed,
             sum(case when o.received_at < ? and (o.closed_at is null or o.closed_at >= ?) then 1 else 0 end) open_at_end,
             sum(case when o.repeat_repair and o.completed_at >= ? and o.completed_at < ? then 1 else 0 end) repeats
        from service_order o
       group by o.service_type
       order by o.service_type""";
  private static final String MISSED = """
      select o.service_type, count(*) missed
        from case_deadline d
        join service_case c on c.id = d.case_id
        join service_order o on o.case_number = c.case_number
       where d.due_at >= ? and d.due_at < ? and (d.met_at is null or d.met_at > d.due_at)
       group by o.service_type""";

  private final JdbcTemplate jdbc;
  private final CaseLabels labels;

  AfterSalesSummaryReport(JdbcTemplate jdbc, CaseLabels labels) {
    this.jdbc = jdbc;
    this.labels = labels;
  }

  @Override
  public ReportType type() {
    return ReportType.AFTER_SALES_SUMMARY;
  }

  @Override
  public List<ReportTable> compile(ReportPeriod period) {
    ReportTable.Builder table = ReportTable.builder("byServiceType", "本月服务事项（按服务类型）")
        .column("serviceType", "服务类型", Kind.TEXT).column("label", "名称", Kind.TEXT)
        .column("received", "受理", Kind.COUNT).column("serviced", "完成服务", Kind.COUNT)
        .column("closed", "结案", Kind.COUNT).column("openAtEnd", "月末未结", Kind.COUNT)
        .column("missedDeadlines", "超期环节", Kind.COUNT).column("repeatRepairs", "重复维修", Kind.COUNT);
    Object from = period.fromTimestamp();
    Object to = period.toTimestamp();
    Map<String, Long> missedByType = new HashMap<>();
    jdbc.query(MISSED, rs -> {
      missedByType.put(rs.getString("service_type"), rs.getLong("missed"));
    }, from, to);
    jdbc.query(QUERY, rs -> {
      String type = rs.getString("service_type");
      long received = rs.getLong("received");
      long serviced = rs.getLong("serviced");
      long closed = rs.getLong("closed");
      long open = rs.getLong("open_at_end");
      long missed = missedByType.getOrDefault(type, 0L);
      long repeats = rs.getLong("repeats");
      if (received + serviced + closed + open + missed + repeats > 0) {
        table.row(type, labels.category(CaseType.AFTER_SALES, type), received, serviced, closed,
            open, missed, repeats);
      }
    }, from, to, from, to, from, to, to, to, from, to);
    return List.of(table.build());
  }
}
