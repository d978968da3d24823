package org.serviceflow.pause;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/** The pause types a process allows, from decision casePauseTypes (bpmn/casePauseTypes.dmn, edited by process owners). */
@Component
class PauseRules {

  static final String DECISION = "casePauseTypes";

  private final DecisionService decisions;

  PauseRules(DecisionService decisions) {
    this.decisions = decisions;
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
}
