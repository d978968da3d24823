package org.serviceflow.reporting;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs {@link DashboardFigures#refreshAhead()} every {@code serviceflow.reports.dashboard-refresh} (PT1M), on each
 * node for its own kept figures, after compiling the last ended month's dashboard once the application is ready
 * (in the background: the start does not wait for it). Off with {@code serviceflow.reports.dashboard-refresh-enabled: false} (the tests,
 * which move the engine clock and call it themselves).
 */
@Component
@ConditionalOnProperty(name = "serviceflow.reports.dashboard-refresh-enabled", havingValue = "true",
    matchIfMissing = true)
class DashboardRefresh {

  private static final Logger LOG = LoggerFactory.getLogger(DashboardRefresh.class);

  private final DashboardFigures figures;
  private final DashboardController dashboard;

  DashboardRefresh(DashboardFigures figures, DashboardController dashboard) {
    this.figures = figures;
    this.dashboard = dashboard;
  }

  @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
  void keepLastMonthOnceReady() {
    Thread warmUp = new Thread(() -> {
      try {
        dashboard.keepLastMonth();
      } catch (RuntimeException e) {
        LOG.warn("The last month's dashboard could not be compiled ahead; it is compiled when asked for", e);
      }
    }, "dashboard-warm-up");
    warmUp.setDaemon(true); // never keeps a stopping JVM alive
    warmUp.start();
  }

  @Scheduled(fixedDelayString = "${serviceflow.reports.dashboard-refresh:PT1M}", initialDelayString = "PT1M")
  void refresh() {
    try {
      int compiled = figures.refreshAhead();
      if (compiled > 0) {
        LOG.debug("Dashboard figures compiled ahead: {}", compiled);
      }
    } catch (RuntimeException e) {
      LOG.warn("Dashboard figures could not be compiled ahead; they are compiled when asked for", e);
    }
  }
}
