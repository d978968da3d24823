package org.serviceflow.recalculation;

import org.serviceflow.calendar.HolidayDataChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The missing-year flow: deadlines counted into a year without holiday data used weekends only; when that
 * year's data arrives (a new file, at start-up or a reload), they are recalculated at once. A correction of a
 * year already loaded is left for an administrator to check in the dry run and apply.
 */
@Component
class RecalculateWhenYearArrives {

  static final String ACTOR = "系统";

  private final DeadlineRecalculation recalculation;

  RecalculateWhenYearArrives(DeadlineRecalculation recalculation) {
    this.recalculation = recalculation;
  }

  @EventListener
  void holidayDataChanged(HolidayDataChanged change) {
    if (!change.addedYears().isEmpty()) {
      recalculation.apply(ACTOR);
    }
  }
}
