package org.serviceflow.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One table of a report: Chinese column headers, rows keyed by column key. {@code scopeColumn} names the column that
 * holds the staff group a row belongs to, of the kind {@code scope} (handling units or departments), or is null when
 * the rows belong to nobody in particular; a reader who may see only their own groups sees only those rows
 * ({@link ReportAccess}).
 */
public record ReportTable(String key, String title, String scopeColumn, Scope scope, List<Column> columns,
    List<Map<String, Object>> rows) {

  /** Whose rows: 12345 handling units (groups unit-…) or the company's departments. */
  public enum Scope { UNIT, DEPARTMENT }

  /** A column: its key, its Chinese header and how its values read ({@link Kind}). */
  public record Column(String key, String label, Kind kind) {
  }

  /** text; count (whole number); rate (fraction 0..1, null when its base is 0); hours; money (yuan). */
  public enum Kind { TEXT, COUNT, RATE, HOURS, MONEY }

  public ReportTable {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  /** The same table with only the rows whose scope column passes {@code visible}; a table without scope is kept whole. */
  public ReportTable onlyRows(Predicate<String> visible) {
    if (scopeColumn == null) {
      return this;
    }
    return new ReportTable(key, title, scopeColumn, scope, columns,
        rows.stream().filter(row -> visible.test(String.valueOf(row.get(scopeColumn)))).toList());
  }

  /** Builds a table column by column, then row by row (values in column order). */
  public static Builder builder(String key, String title) {
    return new Builder(key, title);
  }

  public static final class Builder {
    private final String key;
    private final String title;
    private String scopeColumn;
    private Scope scope;
    private final List<Column> columns = new ArrayList<>();
    private final List<Map<String, Object>> rows = new ArrayList<>();

    private Builder(String key, String title) {
      this.key = key;
      this.title = title;
    }

    public Builder column(String columnKey, String label, Kind kind) {
      columns.add(new Column(columnKey, label, kind));
      return this;
    }

    /** The column holding the unit a row belongs to (must already be a column). */
    public Builder perUnit(String columnKey) {
      return scopedBy(columnKey, Scope.UNIT);
    }

    /** The column holding the department a row belongs to (must already be a column). */
    public Builder perDepartment(String columnKey) {
      return scopedBy(columnKey, Scope.DEPARTMENT);
    }

    private Builder scopedBy(String columnKey, Scope kind) {
      this.scopeColumn = columnKey;
      this.scope = kind;
      return this;
    }

    public Builder row(Object... values) {
      if (values.length != columns.size()) {
        throw new IllegalArgumentException(key + ": a row has " + values.length + " values for " + columns.size()
            + " columns");
      }
      Map<String, Object> row = new LinkedHashMap<>();
      for (int i = 0; i < values.length; i++) {
        row.put(columns.get(i).key(), values[i]);
      }
      rows.add(row);
      return this;
    }

    public ReportTable build() {
      return new ReportTable(key, title, scopeColumn, scope, columns, rows);
    }
  }
}
