package org.serviceflow.reporting;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 10's benchmark (docs/benchmarks.md "Reports"): a month with {@code cases} closed cases (40 % complaints with
 * their history variables, 20 % after-sales orders, 40 % 12345 appeals with their dispatches, each with a deadline),
 * written in bulk with SQL into the application's PostgreSQL; then every report of the month compiled (wall time per
 * report and in all), and the dashboard's data (12 months of supervision figures, the unit assessment, the complaint
 * statistics, the open deadlines) at p50 and p95 over repeated calls: cold (every figure compiled) and warm (the figures
 * the dashboard keeps for a few minutes).
 */
public final class ReportBenchmark {

  static final YearMonth MONTH = YearMonth.of(2025, 1);

  private ReportBenchmark() {
  }

  public static Map<String, Object> run(ConfigurableApplicationContext app, int cases, int dashboardCalls) {
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    long generateStart = System.nanoTime();
    generate(jdbc, cases);
    double generateSeconds = (System.nanoTime() - generateStart) / 1e9;
    jdbc.execute("analyze");

    ReportCompilers compilers = app.getBean(ReportCompilers.class);
    ClockUtil.reset();
    Map<String, Object> perReport = new LinkedHashMap<>();
    long allStart = System.nanoTime();
    for (ReportType type : ReportType.values()) {
      long start = System.nanoTime();
      ReportFigures figures = compilers.compile(type, MONTH);
      perReport.put(type.key(), Map.of("ms", round(ms(start)), "rows",
          figures.tables().stream().mapToInt(t -> t.rows().size()).sum()));
    }
    double allMs = ms(allStart);

    DashboardController dashboard = app.getBean(DashboardController.class);
    DashboardFigures kept = app.getBean(DashboardFigures.class);
    IdentityService identity = app.getBean(IdentityService.class);
    identity.setAuthentication("zongjingli", List.of("general-manager"));
    Map<String, Object> cold;
    Map<String, Object> warm;
    try {
      cold = timeDashboard(dashboard, dashboardCalls, kept::clear);
      warm = timeDashboard(dashboard, dashboardCalls, () -> { });
    } finally {
      identity.clearAuthentication();
    }
    Map<String, Object> coldParts = coldParts(compilers, app.getBean(OpenDeadlines.class), dashboardCalls);
    coldParts.putAll(closedComplaintsBeforeAndNow(app, compilers.period(MONTH), dashboardCalls));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("closedCases", cases);
    result.put("generateSeconds", round(generateSeconds));
    result.put("compileAllMs", round(allMs));
    result.put("compilePerReport", perReport);
    result.put("dashboardCold", cold);
    result.put("dashboardWarm", warm);
    result.put("dashboardColdParts", coldParts);
    System.out.println("bench: reports " + result);
    return result;
  }

  /**
   * The dashboard as the general manager opens it (GET /api/reports/dashboard: 12 months of trend, units, complaints,
   * open deadlines), {@code calls} times; {@code before} runs before each call (clearing the kept figures: cold).
   */
  static Map<String, Object> timeDashboard(DashboardController dashboard, int calls, Runnable before) {
    double[] times = new double[calls];
    for (int i = 0; i < calls; i++) {
      before.run();
      long start = System.nanoTime();
      DashboardController.Dashboard answer = dashboard.dashboard(MONTH.toString());
      times[i] = ms(start);
      if (answer.trend().size() != DashboardController.TREND_MONTHS || answer.units() == null) {
        throw new IllegalStateException("the general manager's dashboard is incomplete: " + answer);
      }
    }
    java.util.Arrays.sort(times);
    return Map.of("calls", calls, "p50Ms", round(percentile(times, 0.50)), "p95Ms", round(percentile(times, 0.95)),
        "maxMs", round(times[calls - 1]));
  }

  /**
   * Where a cold dashboard call spends its time: the median of {@code calls} of each part, compiled as the dashboard
   * compiles it when nothing is kept (12 months of supervision figures, the unit assessment, the complaint statistics,
   * the open deadlines).
   */
  static Map<String, Object> coldParts(ReportCompilers compilers, OpenDeadlines openDeadlines, int calls) {
    Map<String, Runnable> parts = new LinkedHashMap<>();
    parts.put("trend12Months", () -> {
      for (int back = DashboardController.TREND_MONTHS - 1; back >= 0; back--) {
        compilers.compile(ReportType.SUPERVISION_REPORT, MONTH.minusMonths(back));
      }
    });
    parts.put("trendMonthOfTheCases", () -> compilers.compile(ReportType.SUPERVISION_REPORT, MONTH));
    parts.put("unitAssessment", () -> compilers.compile(ReportType.UNIT_ASSESSMENT, MONTH));
    parts.put("complaintStatistics", () -> compilers.compile(ReportType.COMPLAINT_STATISTICS, MONTH));
    parts.put("openDeadlines", () -> openDeadlines.warnedOrOverdue(group -> true));
    Map<String, Object> medians = new LinkedHashMap<>();
    parts.forEach((name, part) -> {
      double[] times = new double[calls];
      for (int i = 0; i < calls; i++) {
        long start = System.nanoTime();
        part.run();
        times[i] = ms(start);
      }
      Arrays.sort(times);
      medians.put(name + "P50Ms", round(percentile(times, 0.50)));
    });
    return medians;
  }

  /**
   * The closed complaints of the month read as before V26 (pivot of the history) and now (the closing record),
   * alternately under the same load: the medians of each, and a check that both give the same complaints.
   */
  static Map<String, Object> closedComplaintsBeforeAndNow(ConfigurableApplicationContext app, ReportPeriod period,
      int calls) {
    double[] before = new double[calls];
    double[] now = new double[calls];
    for (int i = 0; i < calls; i++) {
      long start = System.nanoTime();
      List<?> pivot = org.serviceflow.complaint.ClosedComplaintsBefore.pivot(app, period);
      before[i] = ms(start);
      start = System.nanoTime();
      List<?> record = org.serviceflow.complaint.ClosedComplaintsBefore.closingRecord(app, period);
      now[i] = ms(start);
      if (!pivot.equals(record)) {
        throw new IllegalStateException("the closing record differs from the history: " + pivot.size() + " / "
            + record.size() + " complaints");
      }
    }
    Arrays.sort(before);
    Arrays.sort(now);
    return Map.of("closedComplaintsPivotP50Ms", round(percentile(before, 0.50)),
        "closedComplaintsRecordP50Ms", round(percentile(now, 0.50)));
  }

  /** The month's closed cases in bulk (PostgreSQL generate_series), as the delegates would have left them. */
  static void generate(JdbcTemplate jdbc, int n) {
    String day = "(timestamp with time zone '2025-01-02 10:00+08' + (g % 28) * interval '1 day')";
    jdbc.update("insert into service_case (case_number, process_type, process_instance_id, category, severity, status, "
        + "owner_group, opened_at, closed_at) select 'BX' || g, case when g % 10 < 4 then 'COMPLAINT' when g % 10 < 6 "
        + "then 'AFTER_SALES' else 'HOTLINE' end, 'bench-pi-' || g, case when g % 3 = 0 then 'packaging' else "
        + "'product-quality' end, 'general', '已结案', 'customer-service', " + day + ", " + day
        + " + interval '2 day' from generate_series(1, ?) g", n);
    jdbc.update("insert into case_deadline (case_id, kind, due_at, met_at) select id, case process_type when 'COMPLAINT' "
        + "then 'RESOLUTION' when 'AFTER_SALES' then 'VISIT' else 'HANDLING' end, opened_at + interval '3 day', "
        + "closed_at + case when id % 7 = 0 then interval '2 day' else interval '0 day' end "
        + "from service_case where case_number like 'BX%'");
    // {history variable, complaint_closing column, value}: the process variables, and the closing record that
    // CloseComplaintDelegate writes from them (ClosedComplaints.record)
    String[][] variables = {{"handlingGroup", "handling_group", "'quality'"}, {"customerTier", "customer_tier", "'A'"},
        {"verificationResult", "verification", "case when c.id % 4 = 0 then 'not-valid' else 'valid' end"},
        {"satisfaction", "satisfaction", "case when c.id % 5 = 0 then 'unsatisfied' else 'satisfied' end"},
        {"responsiblePerson", "responsible_person", "'员工' || (c.id % 50)"}};
    for (String[] variable : variables) {
      jdbc.update("insert into act_hi_varinst (id_, name_, var_type_, proc_inst_id_, text_, rev_) select 'bench-v-' || c.id "
          + "|| '-" + variable[0] + "', '" + variable[0] + "', 'string', c.process_instance_id, " + variable[2]
          + ", 0 from service_case c where c.case_number like 'BX%' and c.process_type = 'COMPLAINT'");
    }
    jdbc.update("insert into complaint_closing (case_id, " + Arrays.stream(variables).map(v -> v[1])
        .collect(java.util.stream.Collectors.joining(", ")) + ") select c.id, " + Arrays.stream(variables)
        .map(v -> v[2]).collect(java.util.stream.Collectors.joining(", ")) + " from service_case c "
        + "where c.case_number like 'BX%' and c.process_type = 'COMPLAINT'");
    jdbc.update("insert into service_order (case_number, product_line, product_model, service_type, urgency, technician, "
        + "appointment_at, labour_cost, materials_cost, transport_cost, received_at, completed_at, closed_at) select "
        + "case_number, 'kitchen', 'K1', case when id % 2 = 0 then 'repair' else 'installation' end, 'normal', "
        + "'jishu', opened_at, 80, 20, 10, opened_at, closed_at, closed_at from service_case "
        + "where case_number like 'BX%' and process_type = 'AFTER_SALES'");
    String[] units = {"unit-housing", "unit-market", "unit-street-a"};
    jdbc.update("insert into hotline_appeal (case_number, appeal_type, urgency, received_at, unit, dispatched_at, "
        + "handling_due_at, replied_at, replied_on_time, satisfaction, resolved, closed_at) select case_number, "
        + "'complaint', 'normal', opened_at, (array" + Arrays.toString(Arrays.stream(units).map(u -> "'" + u + "'")
        .toArray()) + ")[1 + id % 3], opened_at, opened_at + interval '3 day', closed_at, id % 7 <> 0, "
        + "case when id % 5 = 0 then 'unsatisfied' else 'satisfied' end, true, closed_at from service_case "
        + "where case_number like 'BX%' and process_type = 'HOTLINE'");
    jdbc.update("insert into hotline_dispatch (case_number, unit, dispatched_at, sign_due_at, return_due_at, "
        + "responded_at, signed_in_time) select case_number, unit, dispatched_at, dispatched_at + interval '1 day', "
        + "dispatched_at + interval '2 day', dispatched_at + interval '1 hour', true from hotline_appeal "
        + "where case_number like 'BX%'");
  }

  static double percentile(double[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  static double ms(long start) {
    return (System.nanoTime() - start) / 1e6;
  }

  static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
