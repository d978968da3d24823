package org.serviceflow.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.serviceflow.identity.CurrentUser;
import org.serviceflow.reporting.ReportTable.Kind;
import org.springframework.stereotype.Component;

/**
 * 员工考核 (PROCESSES.md E; seeds 003:426–440, 003:321): the month's events of every {@link StaffEventSource}, each
 * scored by decision staffAssessmentDeductions (points per event, or per working day), summed per person. Events the
 * system cannot see (serious errors, missed site inspections, suggestions) are added by the lead in the review.
 */
@Component
class StaffAssessmentReport implements ReportCompiler {

  static final String DECISION = "staffAssessmentDeductions";

  private final List<StaffEventSource> sources;
  private final DecisionService decisions;
  private final CurrentUser currentUser;

  StaffAssessmentReport(List<StaffEventSource> sources, DecisionService decisions, CurrentUser currentUser) {
    this.sources = sources;
    this.decisions = decisions;
    this.currentUser = currentUser;
  }

  @Override
  public ReportType type() {
    return ReportType.STAFF_ASSESSMENT;
  }

  @Override
  public List<ReportTable> compile(ReportPeriod period) {
    List<StaffEvent> events = new ArrayList<>();
    sources.forEach(source -> events.addAll(source.events(period)));
    ReportTable.Builder list = ReportTable.builder("events", "扣分事项")
        .column("person", "员工", Kind.TEXT).column("event", "事项", Kind.TEXT).column("caseNumber", "案件编号", Kind.TEXT)
        .column("days", "天数", Kind.COUNT).column("points", "扣分", Kind.COUNT);
    Map<String, long[]> totals = new TreeMap<>();
    // one evaluation per event type and compile: the rules do not depend on the person or the case
    Map<String, DmnDecisionResultEntries> rules = new java.util.HashMap<>();
    events.stream().sorted(java.util.Comparator.comparing(StaffEvent::person).thenComparing(StaffEvent::caseNumber))
        .forEach(event -> {
          DmnDecisionResultEntries rule = rules.computeIfAbsent(event.type(), type -> currentUser.asSystem(
              () -> decisions.evaluateDecisionByKey(DECISION)
                  .variables(Variables.createVariables().putValue("eventType", type)).evaluate().getSingleResult()));
          long points = ((Number) rule.get("points")).longValue()
              * (Boolean.TRUE.equals(rule.get("perDay")) ? event.days() : 1);
          list.row(event.person(), rule.get("label"), event.caseNumber(), (long) event.days(), points);
          long[] total = totals.computeIfAbsent(event.person(), p -> new long[2]);
          total[0]++;
          total[1] += points;
        });
    ReportTable.Builder people = ReportTable.builder("byPerson", "按员工汇总")
        .column("person", "员工", Kind.TEXT).column("events", "事项数", Kind.COUNT).column("points", "扣分合计", Kind.COUNT);
    totals.forEach((person, total) -> people.row(person, total[0], total[1]));
    return List.of(people.build(), list.build());
  }
}
