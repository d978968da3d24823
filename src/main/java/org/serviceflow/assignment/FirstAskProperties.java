package org.serviceflow.assignment;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import jakarta.validation.constraints.NotBlank;

/**
 * {@code serviceflow.first-ask.*}: the first-ask owner (首问负责人). The clerk who took a case (process variable
 * {@code variable}, the start event's initiator) is made assignee of the later tasks listed in {@code tasks}
 * (process key → user task ids) while they are a member of {@code group}; the task's candidate groups stay.
 *
 * @param group    the group the owner must still belong to (customer-service)
 * @param variable the process variable holding the owner's user id (intakeUser)
 * @param tasks    per process definition key, the ids of the user tasks that go to the owner first
 */
@Validated
@ConfigurationProperties("serviceflow.first-ask")
public record FirstAskProperties(@NotBlank String group, @NotBlank String variable, Map<String, List<String>> tasks) {

  public FirstAskProperties {
    tasks = tasks == null ? Map.of() : Map.copyOf(tasks);
  }

  /** Whether the user task {@code taskId} of process {@code processKey} goes to the first-ask owner. */
  public boolean covers(String processKey, String taskId) {
    List<String> ids = tasks.get(processKey);
    return ids != null && ids.contains(taskId);
  }
}
