package org.serviceflow.reporting;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * A report's period: one calendar month in the calendar zone, from its first instant (inclusive) to the first instant
 * of the next month (exclusive). Every figure counts an event in the month in which its timestamp lies.
 */
public record ReportPeriod(YearMonth month, Instant from, Instant to) {

  public static ReportPeriod of(YearMonth month, ZoneId zone) {
    return new ReportPeriod(month, month.atDay(1).atStartOfDay(zone).toInstant(),
        month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
  }

  public Timestamp fromTimestamp() {
    return Timestamp.from(from);
  }

  public Timestamp toTimestamp() {
    return Timestamp.from(to);
  }

  @Override
  public String toString() {
    return month.toString();
  }
}
