package org.serviceflow.hotline;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.serviceflow.casefile.CaseType;
import org.serviceflow.casefile.CaseView;
import org.serviceflow.casefile.CaseViewPolicy;
import org.serviceflow.identity.CurrentUser;
import org.serviceflow.taskcard.TaskAudiencePolicy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Confidentiality of 12345 citizens in REST answers (PROCESSES.md D.1, 002:486): when a case file
 * (GET /api/cases/{n}) of a confidential appeal — every 举报, and any appeal whose citizen asked —
 * is read by anyone outside the 12345 centre (operators, dispatchers, supervisors) and the admins,
 * the citizen's name reads "（保密）" and phone and e-mail are empty. Handling units thus never see
 * the identity; they reach the citizen through the centre.
 *
 * <p>The same holds for a task's card in Tasklist ({@link TaskAudiencePolicy}): the citizen's name is shown
 * only when every candidate of the task (each candidate group, or the groups of a candidate user or assignee)
 * belongs to the centre, so a 举报 reporter's name never reaches a unit's task list.
 *
 * <p>Fails safe: a hotline case whose appeal row cannot be read is treated as confidential, and so is a task
 * offered to nobody yet.
 */
@Component
class ConfidentialCaseView implements CaseViewPolicy, TaskAudiencePolicy {

  static final String HIDDEN_NAME = "（保密）";
  static final Set<String> MAY_SEE_IDENTITY =
      Set.of("hotline-operators", "hotline-dispatchers", "hotline-supervisors", "camunda-admin");

  private static final String CONFIDENTIAL = "select confidential from hotline_appeal where case_number = ?";

  private final JdbcTemplate jdbc;
  private final CurrentUser currentUser;

  ConfidentialCaseView(JdbcTemplate jdbc, CurrentUser currentUser) {
    this.jdbc = jdbc;
    this.currentUser = currentUser;
  }

  @Override
  public CaseView visibleTo(CaseView view) {
    return view.processType() == CaseType.HOTLINE && !maySeeIdentity(view) ? masked(view) : view;
  }

  @Override
  public CaseView visibleToAll(CaseView view, List<Set<String>> audience) {
    boolean centreOnly = !audience.isEmpty() && audience.stream().allMatch(ConfidentialCaseView::inCentre);
    return view.processType() == CaseType.HOTLINE && !centreOnly && isConfidential(view.caseNumber())
        ? masked(view) : view;
  }

  private boolean maySeeIdentity(CaseView view) {
    return inCentre(currentUser.groupIds()) || !isConfidential(view.caseNumber());
  }

  private static boolean inCentre(Collection<String> groupIds) {
    return groupIds.stream().anyMatch(MAY_SEE_IDENTITY::contains);
  }

  private boolean isConfidential(String caseNumber) {
    List<Boolean> flags = jdbc.queryForList(CONFIDENTIAL, Boolean.class, caseNumber);
    return flags.isEmpty() || !Boolean.FALSE.equals(flags.get(0));
  }

  static CaseView masked(CaseView view) {
    return new CaseView(view.caseNumber(), view.processType(), view.processKey(), view.processLabel(),
        view.processInstanceId(), HIDDEN_NAME, null, null, view.channel(), view.channelLabel(), view.category(),
        view.categoryLabel(), view.severity(), view.severityLabel(), view.status(), view.ownerGroup(),
        view.ownerGroupLabel(), view.ownerUser(), view.flaggedForReview(), view.reviewReason(), view.openedAt(),
        view.closedAt(), view.outcome(), view.servedFirst(), view.deadlines());
  }
}
