package org.serviceflow.priority;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * {@code serviceflow.task-priority.*}: which cases are served first. Every user task of a case whose
 * process variable {@code variable} equals {@code value} is created with {@code priority} (0–100, the
 * engine's default being 50); where several rules match, the highest wins. The shipped rules raise
 * A-tier customers (002:386 "A 类客户优先") and urgent requests and appeals to {@code raised}.
 *
 * @param raised the priority from which a task counts as "served first" (the Tasklist filter A类客户 / 紧急)
 * @param rules  the rules, in any order
 */
@Validated
@ConfigurationProperties("serviceflow.task-priority")
public record TaskPriorityProperties(@Min(0) @Max(100) int raised, @Valid List<Rule> rules) {

  public TaskPriorityProperties {
    rules = rules == null ? List.of() : List.copyOf(rules);
  }

  /** One rule: a task of a case with {@code variable == value} gets at least {@code priority}. */
  public record Rule(@NotBlank String variable, @NotBlank String value, @Min(0) @Max(100) int priority) {
  }
}
