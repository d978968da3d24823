package org.serviceflow.calendar;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * For camunda-admin: {@code POST /api/calendar/reload} reads the holiday data files again, without a restart
 * (docs/calendar.md, yearly update). A file with a mistake answers 400 naming it, and the calendar keeps the
 * data it had. In a cluster, reload every node.
 */
@RestController
@RequestMapping("/api/calendar")
class CalendarAdminController {

  private final HolidayDataReload reload;
  private final IdentityService identityService;

  CalendarAdminController(HolidayDataReload reload, IdentityService identityService) {
    this.reload = reload;
    this.identityService = identityService;
  }

  record ReloadAnswer(List<Integer> years, List<Integer> addedYears, List<Integer> changedYears,
      List<Integer> removedYears) {
  }

  @PostMapping("/reload")
  ReloadAnswer reload() {
    requireAdmin();
    HolidayDataReload.Result result;
    try {
      result = reload.reload();
    } catch (HolidayDataException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage(), e);
    }
    HolidayDataChanged change = result.change();
    return new ReloadAnswer(List.copyOf(result.years().keySet()),
        change == null ? List.of() : sorted(change.addedYears().stream().toList()),
        change == null ? List.of() : sorted(change.changedYears().stream().toList()),
        change == null ? List.of() : sorted(change.removedYears().stream().toList()));
  }

  private static List<Integer> sorted(List<Integer> years) {
    return years.stream().sorted().toList();
  }

  private void requireAdmin() {
    Authentication caller = identityService.getCurrentAuthentication();
    if (caller == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录");
    }
    if (caller.getGroupIds() == null || !caller.getGroupIds().contains(Groups.CAMUNDA_ADMIN)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "仅系统管理员 (camunda-admin) 可以重新加载节假日数据");
    }
  }
}
