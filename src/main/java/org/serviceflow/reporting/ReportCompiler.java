package org.serviceflow.reporting;

import java.util.List;

/**
 * Compiles the figures of one report type for a month. The process packages implement it for their own reports (their
 * tables are theirs); the report process, the API, the dashboard and the export all call the same compiler, so every
 * figure has one implementation. A compiler only reads, and what it counts is written in docs/reporting.md.
 */
public interface ReportCompiler {

  ReportType type();

  List<ReportTable> compile(ReportPeriod period);

  /** A rate as a fraction 0..1, or null when its base is 0 (no figure rather than a false 0 %). */
  static Double rate(long count, long base) {
    return base == 0 ? null : (double) count / base;
  }
}
