package org.serviceflow.reporting;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A frozen record's figures set against the same month compiled again now (issue 10.2): per table and row the frozen
 * value, the live value and, for numbers, the difference (live − frozen). A row is matched by its text columns (the
 * names, numbers and labels that say what the row is about), the n-th row with the same texts in one copy to the n-th
 * in the other; a table or row found in only one copy is marked so. It reads nothing but the two sets of figures.
 */
public record ReportComparison(long recordId, String type, String label, YearMonth period, Instant frozenAt,
    Instant liveAt, boolean identical, List<TableComparison> tables) {

  /** In which copy a table or row was found. */
  public enum Presence { BOTH, FROZEN_ONLY, LIVE_ONLY }

  /** One table: the union of both copies' columns (the frozen ones first) and its rows. */
  public record TableComparison(String key, String title, Presence presence, boolean changed,
      List<ReportTable.Column> columns, List<RowComparison> rows) {
  }

  /** One row: its cells by column key. */
  public record RowComparison(Presence presence, boolean changed, Map<String, CellComparison> cells) {
  }

  /**
   * One value in both copies (null where the copy has none, as for a rate without base); {@code difference} is
   * live − frozen when both are numbers, else null.
   */
  public record CellComparison(Object frozen, Object live, Number difference, boolean changed) {
  }

  public ReportComparison {
    tables = List.copyOf(tables);
  }

  /** Compares the frozen figures of record {@code recordId} with the live figures of the same type and month. */
  public static ReportComparison of(long recordId, ReportFigures frozen, ReportFigures live) {
    List<TableComparison> tables = new ArrayList<>();
    for (ReportTable table : frozen.tables()) {
      ReportTable other = live.tables().stream().filter(t -> t.key().equals(table.key())).findFirst().orElse(null);
      tables.add(other == null ? onlyIn(table, Presence.FROZEN_ONLY) : table(table, other));
    }
    for (ReportTable table : live.tables()) {
      if (frozen.tables().stream().noneMatch(t -> t.key().equals(table.key()))) {
        tables.add(onlyIn(table, Presence.LIVE_ONLY));
      }
    }
    boolean identical = tables.stream().noneMatch(TableComparison::changed);
    return new ReportComparison(recordId, frozen.type(), frozen.label(), frozen.period(), frozen.compiledAt(),
        live.compiledAt(), identical, tables);
  }

  private static TableComparison table(ReportTable frozen, ReportTable live) {
    List<ReportTable.Column> columns = new ArrayList<>(frozen.columns());
    live.columns().stream().filter(c -> frozen.columns().stream().noneMatch(f -> f.key().equals(c.key())))
        .forEach(columns::add);
    Map<String, Map<String, Object>> liveByKey = new LinkedHashMap<>();
    Map<String, Integer> liveSeen = new HashMap<>();
    live.rows().forEach(row -> liveByKey.put(rowKey(live, row, liveSeen), row));
    List<RowComparison> rows = new ArrayList<>();
    Map<String, Integer> frozenSeen = new HashMap<>();
    for (Map<String, Object> row : frozen.rows()) {
      Map<String, Object> match = liveByKey.remove(rowKey(frozen, row, frozenSeen));
      rows.add(row(columns, row, match, match == null ? Presence.FROZEN_ONLY : Presence.BOTH));
    }
    liveByKey.values().forEach(remaining -> rows.add(row(columns, null, remaining, Presence.LIVE_ONLY)));
    boolean changed = !frozen.columns().equals(live.columns()) || rows.stream().anyMatch(RowComparison::changed);
    return new TableComparison(frozen.key(), frozen.title(), Presence.BOTH, changed, columns, rows);
  }

  private static TableComparison onlyIn(ReportTable table, Presence presence) {
    List<RowComparison> rows = table.rows().stream().map(row -> presence == Presence.FROZEN_ONLY
        ? row(table.columns(), row, null, presence) : row(table.columns(), null, row, presence)).toList();
    return new TableComparison(table.key(), table.title(), presence, true, table.columns(), rows);
  }

  private static RowComparison row(List<ReportTable.Column> columns, Map<String, Object> frozen,
      Map<String, Object> live, Presence presence) {
    Map<String, CellComparison> cells = new LinkedHashMap<>();
    boolean changed = presence != Presence.BOTH;
    for (ReportTable.Column column : columns) {
      Object before = frozen == null ? null : frozen.get(column.key());
      Object after = live == null ? null : live.get(column.key());
      boolean differs = presence == Presence.BOTH && !same(before, after);
      cells.put(column.key(), new CellComparison(before, after, difference(before, after), differs));
      changed |= differs;
    }
    return new RowComparison(presence, changed, cells);
  }

  /** The texts of a row's text columns, and how many rows with the same texts came before it. */
  private static String rowKey(ReportTable table, Map<String, Object> row, Map<String, Integer> seen) {
    StringBuilder key = new StringBuilder();
    for (ReportTable.Column column : table.columns()) {
      if (column.kind() == ReportTable.Kind.TEXT) {
        key.append(column.key()).append('=').append(row.get(column.key())).append('\u0000');
      }
    }
    String texts = key.toString();
    int occurrence = seen.merge(texts, 1, Integer::sum);
    return texts + '#' + occurrence;
  }

  /** Numbers by value (a frozen copy read from JSON holds 3 as an Integer, a live one as a Long); others by equals. */
  private static boolean same(Object frozen, Object live) {
    if (frozen instanceof Number a && live instanceof Number b) {
      return decimal(a).compareTo(decimal(b)) == 0;
    }
    return Objects.equals(frozen, live);
  }

  private static Number difference(Object frozen, Object live) {
    if (!(frozen instanceof Number a) || !(live instanceof Number b)) {
      return null;
    }
    if (whole(a) && whole(b)) {
      return b.longValue() - a.longValue();
    }
    return decimal(b).subtract(decimal(a)).doubleValue();
  }

  private static boolean whole(Number n) {
    return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
        || n instanceof BigInteger;
  }

  private static BigDecimal decimal(Number n) {
    return n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
  }
}
