package org.serviceflow.casefile;

/** The four case types: process key, case-number prefix and the date part of the number (PROCESSES.md). */
public enum CaseType {
  COMPLAINT("complaint", "TS", "yyMM", "投诉"),
  AFTER_SALES("afterSalesService", "SH", "yyMM", "售后服务"),
  PROCESS_CHANGE("processChange", "LC", "yyMM", "流程变更"),
  HOTLINE("hotline12345", "RX", "yyMMdd", "12345热线");

  private final String processKey;
  private final String prefix;
  private final String datePattern;
  private final String label;

  CaseType(String processKey, String prefix, String datePattern, String label) {
    this.processKey = processKey;
    this.prefix = prefix;
    this.datePattern = datePattern;
    this.label = label;
  }

  public String processKey() { return processKey; }
  public String prefix() { return prefix; }
  public String datePattern() { return datePattern; }
  public String label() { return label; }
}
