package org.serviceflow.hotline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.serviceflow.identity.StaffGroup;
import org.serviceflow.notification.TaskNotices;
import org.springframework.stereotype.Component;

/**
 * The assisting units (协办单位, 会办，issue 11) the dispatcher named on the triage form: handling-unit groups
 * ({@code unit-*}) that exist, each once, never the lead unit itself. A bad choice fails the dispatch with a
 * {@link FormFieldValidationException} naming the field (HTTP 400 when a task form is submitted through the engine
 * REST API, as Tasklist does); the form submission and everything the dispatch would have written roll back.
 */
@Component
class AssistingUnits {

  private final IdentityService identityService;

  AssistingUnits(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** Group id → name of the assisting units, in the order chosen; empty when none was chosen. */
  Map<String, String> check(Object chosen, String leadUnit, String leadUnitName) {
    List<String> ids = chosen == null ? List.of() : TaskNotices.groupIds(chosen);
    Map<String, String> units = new LinkedHashMap<>();
    for (String id : ids) {
      String unit = id.strip();
      if (unit.equals(leadUnit)) {
        throw problem("协办单位不能是主办单位（" + leadUnitName
            + "）；主办单位由派单确定，请从协办单位中去掉它");
      }
      Group group = unit.startsWith(StaffGroup.UNIT_PREFIX) ? Context.getCommandContext()
          .runWithoutAuthorization(() -> identityService.createGroupQuery().groupId(unit).singleResult()) : null;
      if (group == null) {
        throw problem("协办单位 " + unit + " 不是承办单位");
      }
      units.putIfAbsent(unit, group.getName() != null ? group.getName() : unit);
    }
    return units;
  }

  /** A form field problem: Camunda REST answers a task form submission that fails with it with 400. */
  private static FormFieldValidationException problem(String message) {
    return new FormFieldValidationException(HotlineVariables.ASSISTING_UNITS,
        HotlineVariables.ASSISTING_UNITS + ": " + message);
  }

  static ArrayList<String> ids(Map<String, String> units) {
    return new ArrayList<>(units.keySet());
  }
}
