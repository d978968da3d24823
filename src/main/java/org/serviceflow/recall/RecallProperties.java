package org.serviceflow.recall;

import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code serviceflow.recall.rules} in application.yaml: per process, which completed user task its completer may
 * recall (撤回) while which next user task is open and not yet claimed, and after which completed steps a recall is
 * refused (e.g. the result was already told to the customer). The recall package knows no process; this list does.
 */
@ConfigurationProperties("serviceflow.recall")
record RecallProperties(List<Rule> rules) {

  RecallProperties {
    rules = rules == null ? List.of() : List.copyOf(rules);
  }

  /**
   * @param process     the process key, e.g. hotline12345
   * @param step        the user task that may be recalled, e.g. Task_TriageAppeal
   * @param whileOpen   the next user task, which must still be open, unclaimed and untouched
   * @param refusedAfter steps whose completion in the case forbids the recall, each with its reason
   */
  record Rule(String process, String step, String whileOpen, List<Refusal> refusedAfter) {

    Rule {
      refusedAfter = refusedAfter == null ? List.of() : List.copyOf(refusedAfter);
    }
  }

  /** @param step a user task; once completed in the case, no recall; @param reason the rule, in Chinese */
  record Refusal(String step, String reason) {
  }

  Optional<Rule> find(String process, String step) {
    return rules.stream().filter(rule -> rule.process().equals(process) && rule.step().equals(step)).findFirst();
  }

  List<String> steps(String process) {
    return rules.stream().filter(rule -> rule.process().equals(process)).map(Rule::step).toList();
  }
}
