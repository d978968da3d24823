package org.serviceflow.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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

  /** SHA-256 of the days (holidays and make-up workdays, sorted), not of the file: a new comment changes nothing. */
  String fingerprint() {
    String days = "holidays=" + new TreeMap<>(holidays).keySet() + ";makeUp=" + new TreeMap<>(makeUpWorkdays).keySet();
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(days.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
