package org.serviceflow.complaint;

import org.serviceflow.web.CodeList;

/** What the complaint is about; complaintRouting.dmn routes on these codes (PROCESSES.md A.3: 003:313–316). */
public enum ComplaintCategory implements CodeList.Coded {
  PRODUCT_QUALITY("product-quality", "产品质量"),
  PRODUCT_FUNCTION("product-function", "产品功能"),
  PACKAGING("packaging", "包装"),
  TRANSPORT("transport", "运输"),
  STAFF_ATTITUDE("staff-attitude", "服务态度"),
  STAFF_NEGLIGENCE("staff-negligence", "工作失职"),
  DEALER("dealer", "经销商"),
  OTHER("other", "其他");

  private final String code;
  private final String label;

  ComplaintCategory(String code, String label) {
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
