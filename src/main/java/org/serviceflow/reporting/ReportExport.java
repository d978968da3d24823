package org.serviceflow.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * A report's figures as a file: .xlsx (one sheet per table, Chinese headers, streamed with SXSSF so that only a window
 * of rows is in memory) or CSV (UTF-8 with a byte-order mark so that Excel reads the Chinese; tables one after another,
 * each under its title). Rates are written as fractions with a percent format in .xlsx, as percentages in CSV.
 */
@Component
class ReportExport {

  /** Rows kept in memory per sheet while streaming. */
  static final int WINDOW = 100;

  void xlsx(ReportFigures figures, OutputStream out) throws IOException {
    SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    try {
      CellStyle percent = workbook.createCellStyle();
      percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
      CellStyle money = workbook.createCellStyle();
      money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
      for (ReportTable table : figures.tables()) {
        Sheet sheet = workbook.createSheet(sheetName(table.title()));
        Row header = sheet.createRow(0);
        for (int c = 0; c < table.columns().size(); c++) {
          header.createCell(c).setCellValue(table.columns().get(c).label());
        }
        int r = 1;
        for (Map<String, Object> values : table.rows()) {
          Row row = sheet.createRow(r++);
          for (int c = 0; c < table.columns().size(); c++) {
            ReportTable.Column column = table.columns().get(c);
            Object value = values.get(column.key());
            Cell cell = row.createCell(c);
            if (value instanceof Number number && column.kind() != ReportTable.Kind.TEXT) {
              cell.setCellValue(number.doubleValue());
              if (column.kind() == ReportTable.Kind.RATE) {
                cell.setCellStyle(percent);
              } else if (column.kind() == ReportTable.Kind.MONEY) {
                cell.setCellStyle(money);
              }
            } else if (value != null) {
              cell.setCellValue(value.toString());
            }
          }
        }
      }
      workbook.write(out);
    } finally {
      workbook.close();
    }
  }

  void csv(ReportFigures figures, OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    writer.write('\uFEFF');
    boolean first = true;
    for (ReportTable table : figures.tables()) {
      if (!first) {
        writer.write("\r\n");
      }
      first = false;
      writer.write(field(table.title()) + "\r\n");
      writer.write(String.join(",", table.columns().stream().map(c -> field(c.label())).toList()) + "\r\n");
      for (Map<String, Object> values : table.rows()) {
        writer.write(String.join(",", table.columns().stream()
            .map(c -> values.get(c.key()) == null ? "" : field(ReportText.value(c, values.get(c.key())))).toList())
            + "\r\n");
      }
    }
    writer.flush();
  }

  /** RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so that a spreadsheet does not run it as a formula. */
  static String field(String value) {
    String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?[0-9.]+%?")
        ? "'" + value : value;
    return safe.matches(".*[\",\r\n].*") || !safe.equals(value) ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
  }

  /** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
  static String sheetName(String title) {
    String name = title.replaceAll("[:\\\\/?*\\[\\]]", "_");
    return name.length() > 31 ? name.substring(0, 31) : name;
  }
}
