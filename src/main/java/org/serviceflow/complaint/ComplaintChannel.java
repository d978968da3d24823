package org.serviceflow.complaint;

import org.serviceflow.web.CodeList;

/** How the complaint came in (PROCESSES.md A.1: 000 L125 §四.1, 003:306). */
public enum ComplaintChannel implements CodeList.Coded {
  PHONE("phone", "电话"),
  LETTER("letter", "信函"),
  VISIT("visit", "来访"),
  WEB("web", "网站"),
  EMAIL("email", "电子邮件");

  private final String code;
  private final String label;

  ComplaintChannel(String code, String label) {
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
