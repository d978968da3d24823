package org.serviceflow.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.json.SpinJsonNode;
import org.serviceflow.casefile.CaseFileService;
import org.springframework.stereotype.Component;

/**
 * The notices a model sends from a service task: the task's input parameters say what
 * ({@code noticeTemplate}, a template key) and, for staff, to whom ({@code noticeGroups}: group ids as a
 * list, a list expression, a taglist value or comma-separated text). Each process's notify delegate
 * adds only the template parameters of its own case. Every notice is recorded on the case timeline.
 */
@Component
public class TaskNotices {

  public static final String TEMPLATE = "noticeTemplate";
  public static final String GROUPS = "noticeGroups";

  private final NotificationService notifications;
  private final CaseFileService caseFiles;

  TaskNotices(NotificationService notifications, CaseFileService caseFiles) {
    this.notifications = notifications;
    this.caseFiles = caseFiles;
  }

  /** Notifies each group named by {@code noticeGroups} once; a list that evaluates to no group sends nothing. */
  public void toGroups(DelegateExecution execution, Map<String, ?> params) {
    toGroupsAndUsers(execution, params, List.of(), List.of(), null);
  }

  /**
   * As {@link #toGroups}, plus the groups and single users the delegate chose (for example a unit's lead, a role
   * within the group); each recipient once. {@code remark}, if given, is added to the timeline entry (why a notice
   * went where it went).
   */
  public void toGroupsAndUsers(DelegateExecution execution, Map<String, ?> params, List<String> moreGroups,
      List<String> users, String remark) {
    if (!execution.hasVariable(GROUPS)) {
      throw new IllegalStateException(execution.getCurrentActivityId() + ": input parameter " + GROUPS
          + " is missing (modelling error)");
    }
    String caseNumber = execution.getProcessBusinessKey();
    List<String> groups = Stream.concat(groupIds(execution.getVariable(GROUPS)).stream(),
        moreGroups.stream()).distinct().toList();
    for (String group : groups) {
      notifications.toGroup(caseNumber, group, template(execution), params);
    }
    List<String> people = users.stream().distinct().toList();
    for (String user : people) {
      notifications.toUser(caseNumber, user, template(execution), params);
    }
    List<String> recipients = Stream.concat(groups.stream(), people.stream()).toList();
    String outcome = recipients.isEmpty() ? "无需通知" : "已通知：" + String.join("、", recipients);
    record(execution, remark == null ? outcome : outcome + "（" + remark + "）");
  }

  /** Notifies the customer or citizen by e-mail and/or SMS, where an address or phone is known. */
  public void toCustomer(DelegateExecution execution, Map<String, ?> params, String email, String phone) {
    boolean reachable = (email != null && !email.isBlank()) || (phone != null && !phone.isBlank());
    if (reachable) {
      notifications.toCustomer(execution.getProcessBusinessKey(), template(execution), params, email, phone);
    }
    record(execution, reachable ? "已发送通知" : "无联系方式，未发送");
  }

  /** Group ids from a list (nested lists flattened), a JSON array (taglist fields) or comma-separated text. */
  public static List<String> groupIds(Object value) {
    List<String> ids = new ArrayList<>();
    collect(value, ids);
    return ids;
  }

  private static void collect(Object value, List<String> ids) {
    if (value instanceof Collection<?> values) {
      values.forEach(v -> collect(v, ids));
    } else if (value instanceof SpinJsonNode json && json.isArray()) {
      json.elements().forEach(element -> collect(element.isString() ? element.stringValue() : element.toString(), ids));
    } else if (value != null) {
      for (String id : value.toString().split("[,，\\s]+")) {
        if (!id.isBlank()) {
          ids.add(id.trim());
        }
      }
    }
  }

  private static String template(DelegateExecution execution) {
    Object template = execution.getVariable(TEMPLATE);
    if (template == null || template.toString().isBlank()) {
      throw new IllegalStateException(execution.getCurrentActivityId() + ": input parameter " + TEMPLATE
          + " is missing (modelling error)");
    }
    return template.toString();
  }

  /** On the case timeline; a process without a case file (the annual report) has no timeline. */
  private void record(DelegateExecution execution, String outcome) {
    String caseNumber = execution.getProcessBusinessKey();
    if (caseFiles.exists(caseNumber)) {
      caseFiles.record(caseNumber, null, execution.getCurrentActivityName(), execution.getCurrentActivityId(), outcome);
    }
  }
}
