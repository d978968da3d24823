package org.serviceflow.hotline;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.serviceflow.identity.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/hotline/units/assessment?month=2026-11: the monthly unit assessment (考核, PROCESSES.md
 * D.12), counts and rates per handling unit. For the 12345 centre (dispatchers, supervisors),
 * auditors and admins; a unit does not read other units' figures (403). A missing or malformed
 * month is a 400 naming "month".
 */
@RestController
@RequestMapping("/api/hotline/units/assessment")
class UnitAssessmentController {

  static final Set<String> READERS = Set.of("hotline-dispatchers", "hotline-supervisors", "auditors", "camunda-admin");

  private final UnitAssessmentService assessments;
  private final CurrentUser currentUser;

  UnitAssessmentController(UnitAssessmentService assessments, CurrentUser currentUser) {
    this.assessments = assessments;
    this.currentUser = currentUser;
  }

  /** The month assessed and its units, ordered by unit id. */
  record MonthlyAssessment(YearMonth month, List<UnitAssessment> units) {
  }

  @GetMapping
  MonthlyAssessment assess(@RequestParam YearMonth month) {
    if (currentUser.groupIds().stream().noneMatch(READERS::contains)) {
      throw new AuthorizationException("unit assessment is for " + READERS + " only, not for "
          + currentUser.id().orElse("anonymous"));
    }
    return new MonthlyAssessment(month, assessments.assess(month));
  }
}
