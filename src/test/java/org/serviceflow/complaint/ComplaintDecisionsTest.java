package org.serviceflow.complaint;

import org.serviceflow.support.ProcessEngineTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** One test per rule of each complaint decision table, evaluated by the deployed decisions. */
@ProcessEngineTest
class ComplaintDecisionsTest {

  @Autowired
  DecisionService decisionService;

  private DmnDecisionTableResult evaluate(String decision, Map<String, Object> variables) {
    return decisionService.evaluateDecisionTableByKey(decision, Variables.fromMap(variables));
  }

  private Object route(String category) {
    return evaluate("complaintRouting", Map.of("category", category)).getSingleEntry();
  }

  @ParameterizedTest(name = "{0} → quality")
  @CsvSource({"product-quality", "product-function"})
  void shouldRouteProductComplaintsToQuality(String category) {
    assertThat(route(category)).isEqualTo("quality");
  }

  @ParameterizedTest(name = "{0} → warehouse")
  @CsvSource({"packaging", "transport"})
  void shouldRoutePackagingAndTransportToTheWarehouse(String category) {
    assertThat(route(category)).isEqualTo("warehouse");
  }

  @ParameterizedTest(name = "{0} → customer-service-lead")
  @CsvSource({"staff-attitude", "staff-negligence"})
  void shouldRouteStaffComplaintsToTheCustomerServiceLead(String category) {
    assertThat(route(category)).isEqualTo("customer-service-lead");
  }

  @Test
  void shouldRouteDealerComplaintsToSales() {
    assertThat(route("dealer")).isEqualTo("sales");
  }

  @ParameterizedTest(name = "{0} → customer-service-lead")
  @CsvSource({"other", "something-new"})
  void shouldRouteOtherComplaintsToTheCustomerServiceLead(String category) {
    assertThat(route(category)).isEqualTo("customer-service-lead");
  }

  private Object notifyGeneralManager(String severity) {
    return evaluate("complaintEscalation", Map.of("severity", severity)).getSingleEntry();
  }

  @Test
  void shouldNotifyTheGeneralManagerOfMajorComplaints() {
    assertThat(notifyGeneralManager("major")).isEqualTo(true);
  }

  @Test
  void shouldNotifyTheGeneralManagerOfSpecialCases() {
    assertThat(notifyGeneralManager("special")).isEqualTo(true);
  }

  @Test
  void shouldNotNotifyTheGeneralManagerOfGeneralComplaints() {
    assertThat(notifyGeneralManager("general")).isEqualTo(false);
  }

  private Object approver(Number amount) {
    return evaluate("complaintApprovalAuthority", Map.of("compensationAmount", amount, "handlingGroup", "warehouse"))
        .getSingleEntry();
  }

  @ParameterizedTest(name = "{0} yuan → the handling department's lead group")
  @CsvSource({"0", "999.99", "1000"})
  void shouldLetTheDepartmentLeadApproveUpToOneThousand(double amount) {
    assertThat(approver(amount)).isEqualTo("warehouse-lead");
  }

  @ParameterizedTest(name = "{0} yuan → general-manager")
  @CsvSource({"1000.01", "5000", "10000"})
  void shouldLetTheGeneralManagerApproveUpToTenThousand(double amount) {
    assertThat(approver(amount)).isEqualTo("general-manager");
  }

  @Test
  void shouldLetTheGeneralManagerApproveBeyondTenThousand() {
    assertThat(approver(25000)).isEqualTo("general-manager");
  }

  @Test
  void shouldTakeWholeNumbersFromFormsAsAmounts() {
    assertThat(approver(Integer.valueOf(800))).isEqualTo("warehouse-lead");
  }

  @Test
  void shouldGiveTheDefaultTimeLimits() {
    Map<String, Object> limits = evaluate("complaintTimeLimits", Map.of("severity", "general")).getSingleResult()
        .getEntryMap();

    assertThat(limits).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
        Map.entry("firstResponseHours", 24),
        Map.entry("firstResponseWarningHours", 20),
        Map.entry("verifyWorkdays", 3),
        Map.entry("resolutionTargetDays", 7),
        Map.entry("resolutionHardLimitDays", 14),
        Map.entry("returnVisitWorkdays", 1),
        Map.entry("maxUnsatisfiedRounds", 2),
        Map.entry("explanationWorkdays", 1),
        Map.entry("disciplineWorkdays", 3),
        Map.entry("disciplineWarningWorkdays", 2),
        Map.entry("individualCaseWorkdays", 5),
        Map.entry("individualCaseWarningWorkdays", 4)));
  }
}
