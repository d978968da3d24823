package org.serviceflow.processchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.serviceflow.support.ProcessEngineTest;
import org.springframework.beans.factory.annotation.Autowired;

/** One test per rule of each process-change decision table, evaluated by the deployed decisions. */
@ProcessEngineTest
class ProcessChangeDecisionsTest {

  @Autowired
  DecisionService decisionService;

  private DmnDecisionTableResult evaluate(String decision, Map<String, Object> variables) {
    return decisionService.evaluateDecisionTableByKey(decision, Variables.fromMap(variables));
  }

  @ParameterizedTest(name = "level {0} → general-manager")
  @ValueSource(ints = {1, 2})
  void shouldLetTheGeneralManagerApproveLevelsOneAndTwo(int level) {
    assertThat((Object) evaluate("processChangeApprovalAuthority", Map.of("level", level, "ownerGroup", "quality"))
        .getSingleEntry()).isEqualTo("general-manager");
  }

  @ParameterizedTest(name = "level {0} → the owner group")
  @ValueSource(ints = {3, 4})
  void shouldLetTheSystemOwnerApproveLevelsThreeAndFour(int level) {
    assertThat((Object) evaluate("processChangeApprovalAuthority", Map.of("level", level, "ownerGroup", "quality"))
        .getSingleEntry()).isEqualTo("quality");
  }

  @Test
  void shouldFindNoApproverForALevelOutsideOneToFour() {
    assertThat(evaluate("processChangeApprovalAuthority", Map.of("level", 5, "ownerGroup", "quality"))).isEmpty();
  }

  @ParameterizedTest(name = "{0}: 5 wd, warning at 3 wd")
  @ValueSource(strings = {"add", "change", "retire"})
  void shouldGiveEveryReviewStepFiveWorkdaysWithAWarningAtThree(String changeType) {
    Map<String, Object> limits = evaluate("processChangeTimeLimits", Map.of("changeType", changeType)).getSingleResult()
        .getEntryMap();
    assertThat(limits).containsEntry("reviewWorkdays", 5).containsEntry("reviewWarningWorkdays", 3);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"add", "change", "retire", "annual-report"})
  void shouldGiveTheOtherTasksTheirDefaultLimits(String changeType) {
    Map<String, Object> limits = evaluate("processChangeTimeLimits", Map.of("changeType", changeType)).getSingleResult()
        .getEntryMap();
    assertThat(limits).containsEntry("filingWorkdays", 1).containsEntry("revisionWorkdays", 5)
        .containsEntry("revisionWarningWorkdays", 3).containsEntry("annualReportWorkdays", 10)
        .containsEntry("annualReportWarningWorkdays", 9);
  }
}
