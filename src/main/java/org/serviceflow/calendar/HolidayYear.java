package org.serviceflow.calendar;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * One year's official schedule: holidays (days off, even on weekdays) and make-up workdays
 * (调休上班, working days even on a weekend), each mapped to its festival's name.
 *
 * @param origin where the data was read from (file or classpath resource), for log lines
 */
record HolidayYear(
    int year,
    String source,
    Map<LocalDate, String> holidays,
    Map<LocalDate, String> makeUpWorkdays,
    String origin) {

  HolidayYear {
    holidays = Map.copyOf(holidays);
    makeUpWorkdays = Map.copyOf(makeUpWorkdays);
  }

  Optional<String> holiday(LocalDate date) {
    return Optional.ofNullable(holidays.get(date));
  }

  Optional<String> makeUpWorkday(LocalDate date) {
    return Optional.ofNullable(makeUpWorkdays.get(date));
  }
}
