package org.serviceflow.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneId;

/** JSON bodies of valid intake requests (POST /api/complaints, /api/hotline/appeals), each fresh and changeable. */
public final class IntakeRequests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private IntakeRequests() {
  }

  /** An A-tier complaint about a leaking water purifier (product quality, routed to quality). */
  public static ObjectNode complaint(String customerName) {
    ObjectNode complaint = JSON.createObjectNode();
    complaint.put("customerName", customerName);
    complaint.put("customerPhone", "13812345678");
    complaint.put("customerEmail", "customer@example.com");
    complaint.put("customerTier", "A");
    complaint.put("productOrOrderNo", "SO-2026-0042");
    complaint.put("content", "新买的净水器使用三天后漏水，地板被泡坏。");
    complaint.put("occurredOn", LocalDate.now(SHANGHAI).minusDays(2).toString());
    complaint.put("channel", "phone");
    complaint.put("category", "product-quality");
    complaint.put("severity", "general");
    complaint.put("againstStaff", false);
    return complaint;
  }

  /** A 投诉 to the 12345 hotline about housing, with every field a complaint requires. */
  public static ObjectNode appeal(String citizenName, String phone) {
    ObjectNode appeal = JSON.createObjectNode();
    appeal.put("citizenName", citizenName);
    appeal.put("citizenPhone", phone);
    appeal.put("appealType", "complaint");
    appeal.put("urgency", "normal");
    appeal.put("area", "district-a");
    appeal.put("category", "housing");
    appeal.put("content", "小区电梯停运两周，物业不予维修。");
    appeal.put("eventDate", LocalDate.now(SHANGHAI).minusDays(3).toString());
    appeal.put("eventLocation", "幸福路 8 号幸福小区 3 栋");
    appeal.put("peopleInvolved", "3 栋全体住户，物业经理");
    appeal.put("target", "幸福小区物业服务中心");
    appeal.put("reason", "电梯故障两周未修");
    appeal.put("evidence", "报修单号 WX-0915");
    return appeal;
  }

  /** A 举报 (always confidential) about a supermarket, routed to 市场监管局 (unit-market). */
  public static ObjectNode report(String reporterName, String phone) {
    return appeal(reporterName, phone).put("appealType", "report").put("category", "market")
        .put("content", "某超市销售过期食品").put("target", "幸福路某超市");
  }
}
