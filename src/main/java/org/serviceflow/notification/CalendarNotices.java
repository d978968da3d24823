package org.serviceflow.notification;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.authorization.Groups;
import org.serviceflow.calendar.HolidayDataChanged;
import org.serviceflow.calendar.HolidayYearMissing;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the administrators (camunda-admin) what the calendar reports: a year without holiday data
 * ({@code calendar.yearMissing}, in the transaction of the computation that met it) and holiday data that
 * was added or corrected ({@code calendar.dataChanged}).
 */
@Component
class CalendarNotices {

  static final String YEAR_MISSING = "calendar.yearMissing";
  static final String DATA_CHANGED = "calendar.dataChanged";

  private final NotificationService notifications;

  CalendarNotices(NotificationService notifications) {
    this.notifications = notifications;
  }

  @EventListener
  void yearMissing(HolidayYearMissing event) {
    notifications.toGroup(null, Groups.CAMUNDA_ADMIN, YEAR_MISSING, Map.of(
        "year", String.valueOf(event.year()),
        "lastYear", event.lastYearWithData() == null ? "无" : String.valueOf(event.lastYearWithData()),
        "dataDir", event.dataDir() == null ? "（未配置 serviceflow.calendar.data-dir）" : event.dataDir()));
  }

  @EventListener
  void dataChanged(HolidayDataChanged event) {
    notifications.toGroup(null, Groups.CAMUNDA_ADMIN, DATA_CHANGED, Map.of(
        "addedYears", years(event.addedYears()),
        "changedYears", years(event.changedYears()),
        "removedYears", years(event.removedYears())));
  }

  private static String years(Collection<Integer> years) {
    return years.isEmpty() ? "无" : years.stream().sorted().map(String::valueOf).collect(Collectors.joining("、"));
  }
}
