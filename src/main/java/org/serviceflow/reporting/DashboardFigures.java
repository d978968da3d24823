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
 */
@Component
class DashboardFigures {

  private record Key(ReportType type, YearMonth month) {
  }

  private final ReportCompilers compilers;
  private final Duration keep;
  private final Map<Key, ReportFigures> figures = new ConcurrentHashMap<>();

  DashboardFigures(ReportCompilers compilers, @Value("${serviceflow.reports.dashboard-cache:PT5M}") Duration keep) {
    this.compilers = compilers;
    this.keep = keep;
  }

  /** The month's figures as compiled at most {@code keep} ago (by the engine clock), else compiled now. */
  ReportFigures of(ReportType type, YearMonth month) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    return figures.compute(new Key(type, month), (key, cached) ->
        cached != null && !cached.compiledAt().plus(keep).isBefore(now) && !cached.compiledAt().isAfter(now)
            ? cached : compilers.compile(type, month));
  }

  /** Forgets every kept figure (the benchmark's cold calls). */
  void clear() {
    figures.clear();
  }
}
