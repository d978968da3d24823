package org.serviceflow.support;

import java.util.List;
import org.serviceflow.reporting.ReportFigures;
import org.serviceflow.reporting.ReportTable;

/** A report table's rows as lists of values in column order, for tests that compare figures computed by hand. */
public final class ReportRows {

  /** How an empty value (a rate without base, a missing name) reads in the lists. */
  public static final String NONE = "—";

  private ReportRows() {
  }

  public static List<List<Object>> rows(ReportFigures figures, String table) {
    ReportTable found = figures.tables().stream().filter(t -> t.key().equals(table)).findFirst().orElseThrow();
    return found.rows().stream().map(row -> found.columns().stream()
        .map(column -> row.get(column.key()) == null ? (Object) NONE : row.get(column.key())).toList()).toList();
  }
}
