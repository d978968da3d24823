package org.serviceflow.aftersales;

import org.serviceflow.support.ProcessEngineTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** One test per rule of each after-sales decision table, evaluated by the deployed decisions. */
@ProcessEngineTest
class AfterSalesDecisionsTest {

  @Autowired
  DecisionService decisionService;

  @Autowired
  HistoryService historyService;

  @Autowired
  IdentityService identityService;

  @Autowired
  RepositoryService repositoryService;

  private DmnDecisionTableResult evaluate(String decision, Map<String, Object> variables) {
    return decisionService.evaluateDecisionTableByKey(decision, Variables.fromMap(variables));
  }

  // ------------------------------------------------------------------ afterSalesTimeLimits

  private Map<String, Object> limits(String urgency) {
    return evaluate("afterSalesTimeLimits", Map.of("urgency", urgency)).getSingleResult().getEntryMap();
  }

  @Test
  void shouldGiveUrgentRequestsTwoHoursToReply() {
    assertThat(limits("urgent")).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(Map.entry("replyHours", 2), Map.entry("replyWarningHours", 1),
        Map.entry("returnVisitHours", 48), Map.entry("factoryReturnWorkdays", 10), Map.entry("repeatRepairWindowDays", 30),
        Map.entry("noReasonReturnDays", 7), Map.entry("assessmentWorkdays", 1), Map.entry("contactWorkdays", 1),
        Map.entry("onSiteWorkdays", 1), Map.entry("quoteDecisionWorkdays", 3), Map.entry("quoteDecisionWarningWorkdays", 2)));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"normal", "unknown"})
  void shouldGiveOtherRequestsTheDefaultTimeLimits(String urgency) {
    assertThat(limits(urgency)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(Map.entry("replyHours", 12), Map.entry("replyWarningHours", 10),
        Map.entry("returnVisitHours", 48), Map.entry("factoryReturnWorkdays", 10), Map.entry("repeatRepairWindowDays", 30),
        Map.entry("noReasonReturnDays", 7), Map.entry("assessmentWorkdays", 1), Map.entry("contactWorkdays", 1),
        Map.entry("onSiteWorkdays", 1), Map.entry("quoteDecisionWorkdays", 3), Map.entry("quoteDecisionWarningWorkdays", 2)));
  }

  // ------------------------------------------------------------------ afterSalesWarranty

  private Map<String, Object> warranty(String serviceType, String productLine, Integer months) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("serviceType", serviceType);
    variables.put("productLine", productLine);
    variables.put("monthsSincePurchase", months);
    return evaluate("afterSalesWarranty", variables).getSingleResult().getEntryMap();
  }

  @Test
  void shouldNeverChargeForAdvice() {
    assertThat(warranty("advice", "appliance", null)).containsEntry("inWarranty", true);
    assertThat(warranty("advice", "furniture", 40)).containsEntry("inWarranty", true);
  }

  @ParameterizedTest(name = "{0}, {1} months → in warranty")
  @CsvSource({"appliance, 0", "appliance, 11", "electronics, 0", "electronics, 11", "furniture, 5", "furniture, 11"})
  void shouldRepairFreeWithinTwelveMonthsPerProductLine(String productLine, int months) {
    assertThat(warranty("repair", productLine, months)).containsExactlyInAnyOrderEntriesOf(
        Map.of("inWarranty", true, "warrantyMonths", 12));
  }

  @ParameterizedTest(name = "{0}, {1} months → charged")
  @CsvSource({"appliance, 12", "electronics, 12", "furniture, 30"})
  void shouldChargeAfterTwelveMonthsPerProductLine(String productLine, int months) {
    assertThat(warranty("repair", productLine, months)).containsExactlyInAnyOrderEntriesOf(
        Map.of("inWarranty", false, "warrantyMonths", 12));
  }

  @ParameterizedTest(name = "{0} without purchase date → charged")
  @ValueSource(strings = {"appliance", "electronics", "furniture", "toys"})
  void shouldChargeWithoutAPurchaseDate(String productLine) {
    assertThat(warranty("repair", productLine, null)).containsEntry("inWarranty", false);
  }

  @Test
  void shouldGiveOtherProductLinesTwelveMonths() {
    assertThat(warranty("installation", "toys", 11)).containsEntry("inWarranty", true).containsEntry("warrantyMonths", 12);
    assertThat(warranty("installation", "toys", 12)).containsEntry("inWarranty", false);
  }

  // ------------------------------------------------------------------ afterSalesDispatch

  /**
   * Evaluates afterSalesDispatch and answers the matched rule (from the history) and its technician group.
   */
  private String dispatchRule(String serviceType, String region) {
    Set<String> before = dispatchEvaluations().stream().map(HistoricDecisionInstance::getId).collect(Collectors.toSet());
    Map<String, Object> variables = new HashMap<>();
    variables.put("serviceType", serviceType);
    variables.put("productLine", "appliance");
    if (region != null) {
      variables.put("region", region);
    }
    Object group = evaluate("afterSalesDispatch", variables).getSingleEntry();
    HistoricDecisionInstance evaluation = dispatchEvaluations().stream()
        .filter(instance -> !before.contains(instance.getId())).findFirst().orElseThrow();
    return evaluation.getOutputs().get(0).getRuleId() + " → " + group;
  }

  private List<HistoricDecisionInstance> dispatchEvaluations() {
    return historyService.createHistoricDecisionInstanceQuery().decisionDefinitionKey("afterSalesDispatch")
        .includeOutputs().list();
  }

  @ParameterizedTest(name = "{0} / {1} → {2}")
  @CsvSource({
      "maintenance,  district-a, Rule_MaintenanceTechnicians → technical-service-maintenance",
      "maintenance,  other,      Rule_MaintenanceTechnicians → technical-service-maintenance",
      "repair,       district-a, Rule_DistrictARepairTechnicians → technical-service-district-a",
      "installation, district-a, Rule_DistrictARepairTechnicians → technical-service-district-a",
      "return,       district-a, Rule_DistrictARepairTechnicians → technical-service-district-a",
      "replacement,  district-b, Rule_DistrictBRepairTechnicians → technical-service-district-b",
      "installation, district-b, Rule_DistrictBRepairTechnicians → technical-service-district-b",
      "repair,       other,      Rule_OtherTechnicians → technical-service",
      "advice,       district-a, Rule_OtherTechnicians → technical-service"})
  void shouldChooseTheTechnicianGroupByServiceTypeAndRegion(String serviceType, String region, String ruleAndGroup) {
    assertThat(dispatchRule(serviceType, region)).isEqualTo(ruleAndGroup);
  }

  @Test
  void shouldDispatchToTechnicalServiceWhenAnOlderRequestHasNoRegion() {
    assertThat(dispatchRule("repair", null)).isEqualTo("Rule_OtherTechnicians → technical-service");
  }

  @Test
  void shouldOnlyNameTechnicianGroupsThatExist() {
    String definitionId = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("afterSalesDispatch")
        .latestVersion().singleResult().getId();
    List<String> groups = repositoryService.getDmnModelInstance(definitionId).getModelElementsByType(OutputEntry.class)
        .stream().map(entry -> entry.getTextContent().strip().replace("\"", "")).distinct().toList();

    assertThat(groups).isNotEmpty().allSatisfy(group ->
        assertThat(identityService.createGroupQuery().groupId(group).count()).as(group).isEqualTo(1));
  }

  // ------------------------------------------------------------------ afterSalesTriage

  private Object triage(String serviceType) {
    return evaluate("afterSalesTriage", Map.of("serviceType", serviceType)).getSingleEntry();
  }

  @Test
  void shouldAdviseByPhoneFirst() {
    assertThat(triage("advice")).isEqualTo("phone");
  }

  @Test
  void shouldTryPhoneAndRemoteBeforeARepairVisit() {
    assertThat(triage("repair")).isEqualTo("phone");
  }

  @ParameterizedTest(name = "{0} → onsite")
  @ValueSource(strings = {"installation", "replacement", "maintenance", "return"})
  void shouldGoOnSiteForOtherServiceTypes(String serviceType) {
    assertThat(triage(serviceType)).isEqualTo("onsite");
  }
}
