package org.serviceflow.complaint;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContext;

/**
 * The benchmark's way into the complaint package: intake through {@link ComplaintIntakeService} (what
 * POST /api/complaints calls after validation) and each user task's form variables on the happy path
 * of ComplaintProcessTest#shouldSolveAValidComplaintAtOnce.
 */
public final class BenchComplaints {

  private BenchComplaints() {
  }

  /** Receives a valid B-tier product-quality complaint; returns its process instance id. */
  public static String receive(ApplicationContext context, int serial) {
    ComplaintRequest request = new ComplaintRequest("李四" + serial, "13812345678", "li@example.com", "B",
        "DD-2026-" + serial, "新买的电水壶漏水", LocalDate.of(2026, 9, 20), "phone", "product-quality", "general",
        false, null);
    return context.getBean(ComplaintIntakeService.class).receive(request).processInstanceId();
  }

  /** The variables the form of user task {@code taskKey} submits; null for a task the happy path never reaches. */
  public static Map<String, Object> formVariables(String taskKey) {
    return switch (taskKey) {
      case "Task_FirstResponse" -> Map.of("firstResponseChannel", "phone", "firstResponseNote", "已致电");
      case "Task_VerifyComplaint" -> Map.of("verificationResult", "valid", "verificationNote", "确有漏水");
      case "Task_ProposeSolution" -> {
        Map<String, Object> solution = new HashMap<>();
        solution.put("cause", "密封圈老化");
        solution.put("responsiblePerson", "王五");
        solution.put("solution", "更换新品");
        solution.put("compensationInvolved", false);
        solution.put("resolutionMode", "immediate");
        yield solution;
      }
      case "Task_ImplementSolution" -> Map.of("implementationResult", "已更换新品");
      case "Task_NotifyCustomerOfResult" -> Map.of("resultNote", "电话告知");
      case "Task_ReturnVisit" -> Map.of("satisfaction", "satisfied", "returnVisitNote", "满意");
      default -> null;
    };
  }
}
