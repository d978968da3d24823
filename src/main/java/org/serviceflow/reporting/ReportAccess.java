package org.serviceflow.reporting;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.serviceflow.identity.CurrentUser;
import org.serviceflow.identity.StaffGroup;
import org.serviceflow.notification.TaskNotices;
import org.springframework.stereotype.Component;

/**
 * Who reads which report figures (docs/reporting.md, docs/identity.md): {@code general-manager}, {@code auditors},
 * {@code camunda-admin} and the groups that own, approve, publish or receive the report (decision monthlyReportRules)
 * read all of it. A handling unit (group unit-…) reads only the tables with rows per unit, a department the tables with
 * rows per department, and in them only the rows of their own groups; a reader left with no table is refused (403).
 */
@Component
public class ReportAccess {

  static final Set<String> READ_ALL = Set.of("general-manager", "auditors", "camunda-admin");

  static final String RULES = "monthlyReportRules";

  private final CurrentUser currentUser;
  private final DecisionService decisions;
  private final RepositoryService repository;
  /** Readers per deployed version of the rules and report type: a new version of the table is read afresh. */
  private final Map<String, Set<String>> readers = new ConcurrentHashMap<>();

  ReportAccess(CurrentUser currentUser, DecisionService decisions, RepositoryService repository) {
    this.currentUser = currentUser;
    this.decisions = decisions;
    this.repository = repository;
  }

  /** The figures as the caller may see them. */
  public ReportFigures visible(ReportType type, ReportFigures figures) {
    List<String> groups = currentUser.groupIds();
    if (groups.stream().anyMatch(readersOfAll(type)::contains)) {
      return figures;
    }
    List<ReportTable> own = figures.tables().stream().filter(t -> t.scope() != null && holdsRowsOf(groups, t.scope()))
        .map(t -> t.onlyRows(groups::contains)).toList();
    if (own.isEmpty()) {
      throw new AuthorizationException(currentUser.id().orElse("anonymous") + " may not read " + type.key()
          + ": it has no rows for " + groups);
    }
    return new ReportFigures(figures.type(), figures.label(), figures.period(), figures.compiledAt(), own);
  }

  /** Units own rows per unit; every other staff group (a department) owns rows per department. */
  private static boolean holdsRowsOf(List<String> groups, ReportTable.Scope scope) {
    return groups.stream().anyMatch(g -> g.startsWith(StaffGroup.UNIT_PREFIX) == (scope == ReportTable.Scope.UNIT));
  }

  /** Whether the caller reads the whole report (not only their own rows). */
  public boolean readsAll(ReportType type) {
    return currentUser.groupIds().stream().anyMatch(readersOfAll(type)::contains);
  }

  /**
   * Evaluated once per version of the rules and type (every access check otherwise wrote decision history); the
   * latest version's id is looked up on each call, so a table a process owner deployed applies at once.
   */
  private Set<String> readersOfAll(ReportType type) {
    String version = currentUser.asSystem(() -> repository.createDecisionDefinitionQuery().decisionDefinitionKey(RULES)
        .latestVersion().singleResult().getId());
    return readers.computeIfAbsent(version + " " + type.key(), key -> evaluate(version, type));
  }

  private Set<String> evaluate(String version, ReportType type) {
    DmnDecisionResultEntries rules = currentUser.asSystem(() -> decisions.evaluateDecisionById(version)
        .variables(Variables.createVariables().putValue(ReportVariables.REPORT_TYPE, type.key())).evaluate()
        .getSingleResult());
    Set<String> readers = new HashSet<>(READ_ALL);
    for (String output : List.of(ReportVariables.OWNER_GROUP, ReportVariables.APPROVER_GROUP,
        ReportVariables.PUBLISHER_GROUP, ReportVariables.RECIPIENT_GROUPS)) {
      readers.addAll(TaskNotices.groupIds(rules.get(output)));
    }
    return readers;
  }
}
