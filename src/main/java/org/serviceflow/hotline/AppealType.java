package org.serviceflow.hotline;

import org.serviceflow.web.CodeList;

/** 诉求类型 (PROCESSES.md D.1, 000:271): the codes stored in {@code appealType} and their Chinese labels. */
enum AppealType implements CodeList.Coded {
  CONSULTATION("consultation", "咨询"),
  HELP("help", "求助"),
  COMPLAINT("complaint", "投诉"),
  REPORT("report", "举报"),
  SUGGESTION("suggestion", "建议");

  private final String code;
  private final String label;

  AppealType(String code, String label) {
    this.code = code;
    this.label = label;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String label() {
    return label;
  }

  /** The Chinese label of a code; an unknown code is shown as it is. */
  static String label(String code) {
    return CodeList.Coded.labelOf(values(), code);
  }
}
