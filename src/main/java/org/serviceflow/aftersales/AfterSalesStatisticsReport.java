package org.serviceflow.aftersales;

import java.util.ArrayList;
import java.util.List;
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
 * 售后服务统计 (PROCESSES.md E; seeds 000 L125 §四.6): the service orders serviced last month (service_order.completed_at
 * in the period), per service type: person-times (one per serviced order), on-site visits, repeat repairs and the
 * labour, material, transport and total cost. Definitions in docs/reporting.md.
 */
@Component
class AfterSalesStatisticsReport implements ReportCompiler {

  private static final String QUERY = """
      select service_type, count(*) serviced,
             sum(case when appointment_at is not null then 1 else 0 end) visits,
             sum(case when repeat_repair then 1 else 0 end) repeats,
             sum(labour_cost) labour, sum(materials_cost) materials, sum(transport_cost) transport
        from service_order
       where completed_at >= ? and completed_at < ?
       group by service_type
       order by service_type""";

  private final JdbcTemplate jdbc;
  private final CaseLabels labels;

  AfterSalesStatisticsReport(JdbcTemplate jdbc, CaseLabels labels) {
    this.jdbc = jdbc;
    this.labels = labels;
  }

  @Override
  public ReportType type() {
    return ReportType.AFTER_SALES_STATISTICS;
  }

  @Override
  public List<ReportTable> compile(ReportPeriod period) {
    ReportTable.Builder table = ReportTable.builder("byServiceType", "按服务类型")
        .column("serviceType", "服务类型", Kind.TEXT).column("label", "名称", Kind.TEXT)
        .column("serviced", "服务人次", Kind.COUNT).column("visits", "上门人次", Kind.COUNT)
        .column("repeatRepairs", "重复维修", Kind.COUNT).column("labour", "人工费（元）", Kind.MONEY)
        .column("materials", "材料费（元）", Kind.MONEY).column("transport", "运输费（元）", Kind.MONEY)
        .column("total", "合计（元）", Kind.MONEY);
    double[] sums = new double[7];
    List<Object[]> rows = new ArrayList<>();
    jdbc.query(QUERY, rs -> {
      double labour = rs.getDouble("labour");
      double materials = rs.getDouble("materials");
      double transport = rs.getDouble("transport");
      String type = rs.getString("service_type");
      rows.add(new Object[] {type, labels.category(CaseType.AFTER_SALES, type),
          rs.getLong("serviced"), rs.getLong("visits"), rs.getLong("repeats"), labour, materials, transport,
          labour + materials + transport});
    }, period.fromTimestamp(), period.toTimestamp());
    for (Object[] row : rows) {
      table.row(row);
      for (int i = 0; i < 7; i++) {
        sums[i] += ((Number) row[i + 2]).doubleValue();
      }
    }
    table.row("all", "合计", (long) sums[0], (long) sums[1], (long) sums[2], sums[3], sums[4], sums[5], sums[6]);
    return List.of(table.build());
  }
}
