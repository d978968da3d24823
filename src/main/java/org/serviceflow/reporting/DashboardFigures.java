package org.serviceflow.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The dashboard's figures of ended months, kept for {@code serviceflow.reports.dashboard-cache} (PT5M): a manager who
 * opens the dashboard again, or changes the month back, does not compile 15 reports again. The figures carry their
 * compile time, which the page shows. The API's live figures and the report process never use this cache.
 *
 * <p>Refresh ahead ({@link DashboardRefresh}): the figures someone asked for in the last
 * {@code serviceflow.reports.dashboard-keep-warm} (PT1H) are compiled again in the background once they are half
 * their keep time old, so a manager's call finds them kept and never waits for a compile; the figures are still at
 * most {@code dashboard-cache} old. Figures nobody asked for that long are dropped.
 */
@Component
class DashboardFigures {

  private record Key(ReportType type, YearMonth month) {
  }

  private record Kept(ReportFigures figures, Instant lastAsked) {
  }

  private final ReportCompilers compilers;
  private final Duration keep;
  private final Duration keepWarm;
  private final Map<Key, Kept> figures = new ConcurrentHashMap<>();

  DashboardFigures(ReportCompilers compilers, @Value("${serviceflow.reports.dashboard-cache:PT5M}") Duration keep,
      @Value("${serviceflow.reports.dashboard-keep-warm:PT1H}") Duration keepWarm) {
    this.compilers = compilers;
    this.keep = keep;
    this.keepWarm = keepWarm;
  }

  /** The month's figures as compiled at most {@code keep} ago (by the engine clock), else compiled now. */
  ReportFigures of(ReportType type, YearMonth month) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    return figures.compute(new Key(type, month), (key, kept) -> new Kept(
        kept != null && fresh(kept.figures(), now, keep) ? kept.figures() : compilers.compile(type, month), now))
        .figures();
  }

  /**
   * Compiles again the figures asked for within {@code keepWarm} that are half their keep time old, and drops the
   * ones nobody asked for that long. Returns how many were compiled.
   */
  int refreshAhead() {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    figures.entrySet().removeIf(entry -> entry.getValue().lastAsked().plus(keepWarm).isBefore(now));
    int compiled = 0;
    for (Map.Entry<Key, Kept> entry : figures.entrySet()) {
      if (!fresh(entry.getValue().figures(), now, keep.dividedBy(2))) {
        Key key = entry.getKey();
        ReportFigures again = compilers.compile(key.type(), key.month());
        figures.computeIfPresent(key, (k, kept) -> new Kept(again, kept.lastAsked()));
        compiled++;
      }
    }
    return compiled;
  }

  private static boolean fresh(ReportFigures figures, Instant now, Duration within) {
    return !figures.compiledAt().plus(within).isBefore(now) && !figures.compiledAt().isAfter(now);
  }

  /** Forgets every kept figure (the benchmark's cold calls). */
  void clear() {
    figures.clear();
  }
}
