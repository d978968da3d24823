package org.serviceflow.complaint;

import org.serviceflow.web.CodeList;

/** 一般 / 重大 / 专案 (PROCESSES.md A.1: 002:631–634, 003:317); major and special notify the general manager. */
public enum ComplaintSeverity implements CodeList.Coded {
  GENERAL("general", "一般"),
  MAJOR("major", "重大"),
  SPECIAL("special", "专案");

  private final String code;
  private final String label;

  ComplaintSeverity(String code, String label) {
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
}
