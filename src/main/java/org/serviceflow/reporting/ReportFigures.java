package org.serviceflow.reporting;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Predicate;

/** The figures of one report for one month, as compiled at {@code compiledAt}: its tables in reading order. */
public record ReportFigures(String type, String label, YearMonth period, Instant compiledAt, List<ReportTable> tables) {

  public ReportFigures {
    tables = List.copyOf(tables);
  }

  /** Only the rows the reader may see (see {@link ReportTable#onlyRows}). */
  public ReportFigures onlyRows(Predicate<String> visible) {
    return new ReportFigures(type, label, period, compiledAt, tables.stream().map(t -> t.onlyRows(visible)).toList());
  }
}
