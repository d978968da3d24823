package org.serviceflow.priority;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
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

  /** The highest of {@code priority} and the priorities of the rules a case with these variables matches. */
  int priority(int priority, Function<String, Object> variables) {
    return rules.stream().filter(rule -> rule.matches(variables)).mapToInt(Rule::priority)
        .reduce(priority, Math::max);
  }

  /**
   * Why a case with these variables is served first: the labels of the rules it matches whose priority reaches
   * {@code raised}, in the order of the rules, each once (e.g. {@code [A类客户]}); empty when none does.
   */
  List<String> servedFirstLabels(Function<String, Object> variables) {
    return rules.stream().filter(rule -> rule.priority() >= raised && rule.matches(variables)).map(Rule::label)
        .distinct().toList();
  }

  /**
   * One rule: a task of a case with {@code variable == value} gets at least {@code priority}; {@code label} names
   * the reason for staff (the badge on the task card and the case page, e.g. A类客户).
   */
  public record Rule(@NotBlank String variable, @NotBlank String value, @Min(0) @Max(100) int priority,
      @NotBlank String label) {

    boolean matches(Function<String, Object> variables) {
      Object actual = variables.apply(variable);
      return actual != null && Objects.equals(value, String.valueOf(actual));
    }
  }
}
