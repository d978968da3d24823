package org.serviceflow.complaint;

import org.serviceflow.web.CodeList;

/** Customer tier A/B/C, A served first (PROCESSES.md A.1: 002:386). */
public enum ComplaintCustomerTier implements CodeList.Coded {
  A("A", "A类客户"),
  B("B", "B类客户"),
  C("C", "C类客户");

  private final String code;
  private final String label;

  ComplaintCustomerTier(String code, String label) {
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
