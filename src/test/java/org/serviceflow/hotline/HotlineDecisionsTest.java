package org.serviceflow.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One test per rule of each hotline decision table (bpmn/hotlineDispatch.dmn, bpmn/hotlineTimeLimits.dmn). */
class HotlineDecisionsTest {

  static DmnEngine dmn;
  static DmnDecision dispatch;
  static DmnDecision timeLimits;

  @BeforeAll
  static void parseDecisions() throws IOException {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = new FileInputStream("bpmn/hotlineDispatch.dmn")) {
      dispatch = dmn.parseDecision("hotlineDispatch", in);
    }
    try (InputStream in = new FileInputStream("bpmn/hotlineTimeLimits.dmn")) {
      timeLimits = dmn.parseDecision("hotlineTimeLimits", in);
    }
  }

  private static Object unit(String category, String area) {
    return dmn.evaluateDecision(dispatch, Variables.fromMap(Map.of("category", category, "area", area)))
        .getSingleEntry();
  }

  private static DmnDecisionResultEntries limits(String type, String urgency) {
    return dmn.evaluateDecision(timeLimits, Variables.fromMap(Map.of("appealType", type, "urgency", urgency)))
        .getSingleResult();
  }

  @ParameterizedTest(name = "housing in {0} → unit-housing")
  @CsvSource({"district-a", "street-a"})
  void shouldDispatchHousingToTheHousingBureau(String area) {
    assertThat(unit("housing", area)).isEqualTo("unit-housing");
  }

  @ParameterizedTest(name = "market in {0} → unit-market")
  @CsvSource({"district-a", "street-a"})
  void shouldDispatchMarketToTheMarketRegulator(String area) {
    assertThat(unit("market", area)).isEqualTo("unit-market");
  }

  @ParameterizedTest(name = "{0} in street-a → unit-street-a")
  @CsvSource({"environment", "traffic", "other"})
  void shouldDispatchOtherCategoriesToTheStreetOfTheArea(String category) {
    assertThat(unit(category, "street-a")).isEqualTo("unit-street-a");
  }

  @Test
  void shouldFallBackToTheSampleStreetElsewhere() {
    assertThat(unit("environment", "district-a")).isEqualTo("unit-street-a");
  }

  @ParameterizedTest(name = "{0}: {1} working days")
  @CsvSource({"consultation, 3", "help, 5", "complaint, 7", "report, 10", "suggestion, 10"})
  void shouldGiveTheHandlingLimitByType(String type, int workdays) {
    DmnDecisionResultEntries limits = limits(type, "normal");

    assertThat(limits.<Integer>getEntry("handlingWorkdays")).isEqualTo(workdays);
    assertThat(limits.<Integer>getEntry("handlingHours")).isZero();
    assertThat(limits.<Integer>getEntry("warningWorkdays")).isOne();
    assertThat(limits.<Integer>getEntry("signHours")).isEqualTo(24);
    assertThat(limits.<Integer>getEntry("returnWorkdays")).isEqualTo(2);
    assertThat(limits.<Integer>getEntry("firstContactWorkdays")).isEqualTo(3);
    assertThat(limits.<Integer>getEntry("maxExtensionWorkdays")).isEqualTo(10);
    assertThat(limits.<Integer>getEntry("returnVisitWorkdays")).isOne();
    assertThat(limits.<Integer>getEntry("maxContactAttempts")).isEqualTo(3);
    assertThat(limits.<Integer>getEntry("triageWorkdays")).isOne();
    assertThat(limits.<Integer>getEntry("reviewWorkdays")).isOne();
    assertThat(limits.<Integer>getEntry("supervisionWorkdays")).isOne();
  }

  @ParameterizedTest(name = "urgent {0}: 24 hours, sign within 2")
  @CsvSource({"consultation", "help", "complaint", "report", "suggestion"})
  void shouldGiveUrgentAppeals24HoursAndTwoHoursToSign(String type) {
    DmnDecisionResultEntries limits = limits(type, "urgent");

    assertThat(limits.<Integer>getEntry("handlingHours")).isEqualTo(24);
    assertThat(limits.<Integer>getEntry("warningHours")).isEqualTo(4);
    assertThat(limits.<Integer>getEntry("signHours")).isEqualTo(2);
    assertThat(limits.<Integer>getEntry("handlingWorkdays")).isZero();
    assertThat(limits.<Integer>getEntry("triageWorkdays")).isOne();
    assertThat(limits.<Integer>getEntry("reviewWorkdays")).isOne();
    assertThat(limits.<Integer>getEntry("supervisionWorkdays")).isOne();
  }
}
