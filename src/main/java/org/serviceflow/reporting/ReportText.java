package org.serviceflow.reporting;

import java.util.Map;
import java.util.stream.Collectors;

/** A report's figures as plain Chinese text for the review form: every table, every row, at most {@link #LIMIT} characters. */
final class ReportText {

  /** String process variables hold at most 4000 characters. */
  static final int LIMIT = 3900;
  static final String MORE = "……（完整数字见报表页面）";

  private ReportText() {
  }

  static String summary(ReportFigures figures) {
    StringBuilder text = new StringBuilder(figures.label()).append(' ').append(figures.period()).append('\n');
    for (ReportTable table : figures.tables()) {
      text.append('\n').append(table.title()).append('\n');
      if (table.rows().isEmpty()) {
        text.append("（无）\n");
      }
      for (Map<String, Object> row : table.rows()) {
        text.append(table.columns().stream()
            .map(c -> c.label() + "：" + value(c, row.get(c.key())))
            .collect(Collectors.joining("；"))).append('\n');
      }
    }
    return text.length() <= LIMIT ? text.toString() : text.substring(0, LIMIT - MORE.length()) + MORE;
  }

  /** One value as staff read it: rates as percentages, money with two decimals, none as "—". */
  static String value(ReportTable.Column column, Object value) {
    if (value == null) {
      return "—";
    }
    return switch (column.kind()) {
      case RATE -> String.format("%.1f%%", ((Number) value).doubleValue() * 100);
      case MONEY -> String.format("%.2f", ((Number) value).doubleValue());
      case HOURS -> String.format("%.1f", ((Number) value).doubleValue());
      default -> value.toString();
    };
  }
}
