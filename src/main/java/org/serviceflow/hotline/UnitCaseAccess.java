package org.serviceflow.hotline;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.serviceflow.casefile.CaseType;
import org.serviceflow.casefile.CaseView;
import org.serviceflow.casefile.CaseViewPolicy;
import org.serviceflow.identity.CurrentUser;
import org.serviceflow.identity.StaffGroup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A handling unit reads only its own cases (docs/identity.md, authorization matrix): a caller whose groups are
 * all handling units ({@code unit-*}) may read a case file and its timeline only when it is a 12345 appeal
 * currently dispatched to one of those units, or one they assist in (协办, a part in hotline_assist); any other case
 * answers 403. A member of any other group keeps
 * that group's access.
 */
@Component
class UnitCaseAccess implements CaseViewPolicy {

  private static final String CURRENT_UNIT = "select unit from hotline_appeal where case_number = ?";
  private static final String ASSISTING_UNITS = "select unit from hotline_assist where case_number = ?";

  private final JdbcTemplate jdbc;
  private final CurrentUser currentUser;

  UnitCaseAccess(JdbcTemplate jdbc, CurrentUser currentUser) {
    this.jdbc = jdbc;
    this.currentUser = currentUser;
  }

  @Override
  public CaseView visibleTo(CaseView view) {
    List<String> groups = currentUser.groupIds();
    if (groups.isEmpty() || !groups.stream().allMatch(group -> group.startsWith(StaffGroup.UNIT_PREFIX))) {
      return view;
    }
    if (view.processType() == CaseType.HOTLINE && (Set.copyOf(groups).contains(currentUnit(view.caseNumber()))
        || jdbc.queryForList(ASSISTING_UNITS, String.class, view.caseNumber()).stream().anyMatch(groups::contains))) {
      return view;
    }
    throw new AuthorizationException("case " + view.caseNumber() + " is not dispatched to nor assisted by "
        + groups.stream().sorted().collect(Collectors.joining(", ")) + " (user " + currentUser.id().orElse("?") + ")");
  }

  private String currentUnit(String caseNumber) {
    List<String> units = jdbc.queryForList(CURRENT_UNIT, String.class, caseNumber);
    return units.isEmpty() ? null : units.get(0);
  }
}
