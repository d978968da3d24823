package org.serviceflow.calendar;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The holiday data last seen (table holiday_data_version: one row per year with the fingerprint of its days).
 * Comparing the loaded data with it tells which years were added, changed or removed since; the very first
 * comparison only records what is there.
 */
@Component
class HolidayDataVersions {

  private final JdbcTemplate jdbc;

  HolidayDataVersions(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the loaded fingerprints; the change against the previous ones, or null when nothing was seen before or nothing changed. */
  @Transactional
  HolidayDataChanged record(Map<Integer, String> loaded) {
    Map<Integer, String> seen = new HashMap<>();
    jdbc.query("select holiday_year, fingerprint from holiday_data_version",
        row -> { seen.put(row.getInt(1), row.getString(2)); });
    Set<Integer> added = new TreeSet<>();
    Set<Integer> changed = new TreeSet<>();
    Set<Integer> removed = new TreeSet<>(seen.keySet());
    removed.removeAll(loaded.keySet());
    Timestamp now = Timestamp.from(Instant.now());
    loaded.forEach((year, fingerprint) -> {
      String before = seen.get(year);
      if (before == null) {
        added.add(year);
        jdbc.update("insert into holiday_data_version (holiday_year, fingerprint, recorded_at) values (?, ?, ?)",
            year, fingerprint, now);
      } else if (!before.equals(fingerprint)) {
        changed.add(year);
        jdbc.update("update holiday_data_version set fingerprint = ?, recorded_at = ? where holiday_year = ?",
            fingerprint, now, year);
      }
    });
    removed.forEach(year -> jdbc.update("delete from holiday_data_version where holiday_year = ?", year));
    if (seen.isEmpty() || added.isEmpty() && changed.isEmpty() && removed.isEmpty()) {
      return null;
    }
    return new HolidayDataChanged(added, changed, removed);
  }
}
