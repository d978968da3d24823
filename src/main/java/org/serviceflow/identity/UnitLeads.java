package org.serviceflow.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * The lead (负责人) of a 12345 handling unit or of a department, a role within it: the members of the group
 * {@code <group>-lead} (for example {@code unit-housing-lead} 住建局负责人 or {@code quality-lead} 质量管理部负责人,
 * the {@code X-lead} convention), created in Admin, the directory or the {@link StaffGroup} catalogue like any
 * group. A notice meant for "the unit's lead" goes to them, not to every member of the unit (PROCESSES.md D.8); a
 * complaint solution of up to 1,000 yuan is approved by the handling department's lead (PROCESSES.md A.6). An empty
 * answer means the unit or department has no lead.
 */
@Component
public class UnitLeads {

  public static final String LEAD_SUFFIX = "-lead";

  private final IdentityService identityService;

  UnitLeads(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The lead group of a unit: {@code unit-housing} → {@code unit-housing-lead}. */
  public static String leadGroupOf(String unitGroupId) {
    return unitGroupId + LEAD_SUFFIX;
  }

  /** The user ids of the unit's leads, read without the signed-in user's authorizations (a timer has none). */
  public List<String> of(String unitGroupId) {
    CommandContext context = Context.getCommandContext();
    if (context != null) {
      return context.runWithoutAuthorization(() -> query(unitGroupId));
    }
    return query(unitGroupId);
  }

  private List<String> query(String unitGroupId) {
    return identityService.createUserQuery().memberOfGroup(leadGroupOf(unitGroupId)).orderByUserId().asc().list()
        .stream().map(User::getId).toList();
  }
}
