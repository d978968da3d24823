package org.serviceflow.hotline;

/** 诉求类型 (PROCESSES.md D.1, 000:271): the codes stored in {@code appealType} and their Chinese labels. */
enum AppealType {
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

  String code() {
    return code;
  }

  /** The Chinese label of a code; an unknown code is shown as it is. */
  static String label(String code) {
    for (AppealType type : values()) {
      if (type.code.equals(code)) {
        return type.label;
      }
    }
    return code;
  }
}
