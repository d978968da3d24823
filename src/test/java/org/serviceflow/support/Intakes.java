package org.serviceflow.support;

import java.util.HashMap;
import java.util.Map;

/** Start variables of valid cases, for tests outside the process packages (each returns a fresh, changeable map). */
public final class Intakes {

  private Intakes() {
  }

  /** A B-tier complaint about product quality (routed to quality). */
  public static Map<String, Object> complaint() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("customerName", "李四");
    variables.put("customerPhone", "13812345678");
    variables.put("customerEmail", "li@example.com");
    variables.put("customerTier", "B");
    variables.put("productOrOrderNo", "DD-2026-0001");
    variables.put("content", "新买的电水壶漏水");
    variables.put("occurredOn", "2026-09-20");
    variables.put("channel", "phone");
    variables.put("category", "product-quality");
    variables.put("severity", "general");
    variables.put("againstStaff", false);
    variables.put("staffName", null);
    return variables;
  }

  /** A normal in-warranty repair request. */
  public static Map<String, Object> afterSalesRepair(String serialNumber) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("customerName", "李四");
    variables.put("customerPhone", "13912345678");
    variables.put("customerEmail", "li4@example.com");
    variables.put("address", "上海市浦东新区世纪大道 100 号");
    variables.put("productLine", "appliance");
    variables.put("productModel", "KX-100");
    variables.put("serialNumber", serialNumber);
    variables.put("purchaseDate", "2026-06-01");
    variables.put("proofOfPurchase", "FP-0001");
    variables.put("serviceType", "repair");
    variables.put("faultDescription", "空调不制冷");
    variables.put("urgency", "normal");
    return variables;
  }

  /** A 12345 appeal from 王五 about 示例物业公司, of the given type, urgency, category and area. */
  public static Map<String, Object> hotlineAppeal(String type, String urgency, String category, String area) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("citizenName", "王五");
    variables.put("citizenPhone", "13912345678");
    variables.put("confidential", false);
    variables.put("appealType", type);
    variables.put("urgency", urgency);
    variables.put("area", area);
    variables.put("category", category);
    variables.put("content", "小区楼道堆放杂物无人清理");
    variables.put("eventDate", "2026-10-30");
    variables.put("eventLocation", "示例小区 3 号楼");
    variables.put("peopleInvolved", "物业公司");
    variables.put("target", "示例物业公司");
    variables.put("reason", "多次反映无人处理");
    variables.put("evidence", "现场照片");
    return variables;
  }
}
