package org.serviceflow.reporting;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/** The figures of one report for one month, as compiled at {@code compiledAt}: its tables in reading order. */
public record ReportFigures(String type, String label, YearMonth period, Instant compiledAt, List<ReportTable> tables) {

  public ReportFigures {
    tables = List.copyOf(tables);
  }
}
