package org.serviceflow.pause;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

/** The pause types a process allows, from decision casePauseTypes (bpmn/casePauseTypes.dmn, edited by process owners). */
@Component
class PauseRules {

  static final String DECISION = "casePauseTypes";
  private static final int PAUSE_TYPE_INPUT = 1; // the second input column: 挂起类型

  private final DecisionService decisions;
  private final RepositoryService repository;

  PauseRules(DecisionService decisions, RepositoryService repository) {
    this.decisions = decisions;
    this.repository = repository;
  }

  /** The rule for this pause type in this process, empty when the process does not allow it. */
  Optional<PauseRule> find(String processKey, String pauseType) {
    DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(DECISION)
        .variables(Map.of("processKey", processKey, "pauseType", pauseType))
        .evaluate().getFirstResult();
    if (result == null) {
      return Optional.empty();
    }
    return Optional.of(new PauseRule(result.getEntry("label"), result.getEntry("party"),
        Boolean.TRUE.equals(result.getEntry("stopsClock")), ((Number) result.getEntry("maxWorkdays")).intValue()));
  }
  /** The type's Chinese name in the process's table, the key itself if the table no longer lists it (or no process). */
  String label(String processKey, String pauseType) {
    return processKey == null ? pauseType : find(processKey, pauseType).map(PauseRule::label).orElse(pauseType);
  }


  /**
   * The pause types this process allows, in the table's order, each with its rule. The candidates are the type
   * literals of the deployed table's rules; whether the process allows one is asked of the decision itself, so its
   * hit policy and any non-literal process entries decide, as for {@link #find}.
   */
  List<AllowedPauseType> allowed(String processKey) {
    return candidateTypes().stream()
        .flatMap(type -> find(processKey, type).map(rule -> new AllowedPauseType(type, rule)).stream())
        .toList();
  }

  private Set<String> candidateTypes() {
    DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
        .latestVersion().singleResult();
    Set<String> types = new LinkedHashSet<>();
    if (definition == null) {
      return types;
    }
    DmnModelInstance model = repository.getDmnModelInstance(definition.getId());
    for (Rule rule : model.getModelElementsByType(Rule.class)) {
      List<InputEntry> entries = List.copyOf(rule.getInputEntries());
      if (entries.size() <= PAUSE_TYPE_INPUT || entries.get(PAUSE_TYPE_INPUT).getText() == null) {
        continue;
      }
      for (String literal : entries.get(PAUSE_TYPE_INPUT).getText().getTextContent().split(",")) {
        String text = literal.strip();
        if (text.length() > 2 && text.startsWith("\"") && text.endsWith("\"")) {
          types.add(text.substring(1, text.length() - 1));
        }
      }
    }
    return types;
  }

  /** A pause type a process allows: its key (as POST .../pauses takes it) and its rule. */
  record AllowedPauseType(String type, PauseRule rule) {
  }
}
