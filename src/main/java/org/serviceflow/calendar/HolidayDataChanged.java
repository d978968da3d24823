package org.serviceflow.calendar;

import java.util.Set;

/**
 * Published after start-up or a reload ({@code POST /api/calendar/reload}) when the holiday data differs from
 * the data seen before: years that were missing and now have data, and years whose days changed (a corrected
 * 调休 day, for example). Deadlines already running were computed with the old data; listeners recalculate or
 * tell the administrators. Not published at the very first start (nothing was seen before).
 */
public record HolidayDataChanged(Set<Integer> addedYears, Set<Integer> changedYears, Set<Integer> removedYears) {

  public HolidayDataChanged {
    addedYears = Set.copyOf(addedYears);
    changedYears = Set.copyOf(changedYears);
    removedYears = Set.copyOf(removedYears);
  }
}
