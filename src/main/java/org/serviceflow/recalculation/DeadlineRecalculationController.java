package org.serviceflow.recalculation;

import java.util.List;
import org.serviceflow.identity.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * For camunda-admin, after the holiday data changed ({@code POST /api/calendar/reload}):
 * {@code GET /api/deadlines/recalculation} lists the running deadlines that the data moves (dry run),
 * {@code POST /api/deadlines/recalculation} moves them. In a cluster, run it on one node after every node
 * has reloaded; a second run finds nothing to move.
 */
@RestController
@RequestMapping("/api/deadlines/recalculation")
class DeadlineRecalculationController {

  private final DeadlineRecalculation recalculation;
  private final CurrentUser currentUser;

  DeadlineRecalculationController(DeadlineRecalculation recalculation, CurrentUser currentUser) {
    this.recalculation = recalculation;
    this.currentUser = currentUser;
  }

  record Answer(int cases, List<DeadlineChange> changes) {
    static Answer of(List<DeadlineChange> changes) {
      return new Answer((int) changes.stream().map(DeadlineChange::caseNumber).distinct().count(), changes);
    }
  }

  @GetMapping
  Answer dryRun() {
    requireAdmin();
    return Answer.of(recalculation.dryRun());
  }

  @PostMapping
  Answer apply() {
    return Answer.of(recalculation.apply(requireAdmin()));
  }

  private String requireAdmin() {
    return currentUser.requireAdmin("仅系统管理员 (camunda-admin) 可以重算期限");
  }

}
