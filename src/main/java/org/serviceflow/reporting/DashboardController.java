package org.serviceflow.reporting;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.serviceflow.identity.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/reports/dashboard?period=YYYY-MM (default: the last month that has ended): what the managers' dashboard
 * (/reports/) shows, from the same compilers as the reports — the 12 months' trend per process (服务监督报告 figures),
 * the month's 12345 units with their late steps, the complaint departments, and the open cases near or past a
 * deadline. Each part holds only what the caller may read; a part they may not read is null. The figures of the months
 * are kept for a few minutes ({@link DashboardFigures}); the open deadlines are always read now.
 */
@RestController
@RequestMapping("/api/reports/dashboard")
class DashboardController {

  static final int TREND_MONTHS = 12;

  private final ReportCompilers compilers;
  private final DashboardFigures cached;
  private final ReportAccess access;
  private final OpenDeadlines openDeadlines;
  private final CurrentUser currentUser;

  DashboardController(ReportCompilers compilers, DashboardFigures cached, ReportAccess access,
      OpenDeadlines openDeadlines, CurrentUser currentUser) {
    this.compilers = compilers;
    this.cached = cached;
    this.access = access;
    this.openDeadlines = openDeadlines;
    this.currentUser = currentUser;
  }

  /** The month's figures; {@code trend} oldest month first. */
  record Dashboard(YearMonth period, List<ReportFigures> trend, ReportFigures units, ReportFigures complaints,
      List<OpenDeadlines.OpenDeadline> openDeadlines) {
  }

  @GetMapping
  Dashboard dashboard(@RequestParam(required = false) String period) {
    YearMonth month = month(period);
    List<ReportFigures> trend = null;
    if (access.readsAll(ReportType.SUPERVISION_REPORT)) {
      trend = new ArrayList<>();
      for (int back = TREND_MONTHS - 1; back >= 0; back--) {
        trend.add(cached.of(ReportType.SUPERVISION_REPORT, month.minusMonths(back)));
      }
    }
    List<String> groups = currentUser.groupIds();
    boolean readsAll = groups.stream().anyMatch(ReportAccess.READ_ALL::contains);
    return new Dashboard(month, trend, visibleOrNull(ReportType.UNIT_ASSESSMENT, month),
        visibleOrNull(ReportType.COMPLAINT_STATISTICS, month),
        openDeadlines.warnedOrOverdue(group -> readsAll || groups.contains(group)));
  }

  /**
   * Compiles into the kept figures what the dashboard of the last ended month shows (its 12 months of trend, the
   * units, the complaints), so that the first manager after a start does not wait either ({@link DashboardRefresh}).
   */
  void keepLastMonth() {
    YearMonth month = compilers.currentMonth().minusMonths(1);
    for (int back = TREND_MONTHS - 1; back >= 0; back--) {
      cached.of(ReportType.SUPERVISION_REPORT, month.minusMonths(back));
    }
    cached.of(ReportType.UNIT_ASSESSMENT, month);
    cached.of(ReportType.COMPLAINT_STATISTICS, month);
  }

  private ReportFigures visibleOrNull(ReportType type, YearMonth month) {
    try {
      return access.visible(type, cached.of(type, month));
    } catch (AuthorizationException refused) {
      return null;
    }
  }

  private YearMonth month(String period) {
    return period == null || period.isBlank() ? compilers.currentMonth().minusMonths(1) : compilers.closedMonth(period);
  }
}
