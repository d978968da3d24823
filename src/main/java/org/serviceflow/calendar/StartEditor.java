package org.serviceflow.calendar;

import java.beans.PropertyEditorSupport;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Parses a start given as a date ({@code 2026-09-30}: the start of that day in the calendar zone)
 * or as an ISO date-time with offset ({@code 2026-09-30T10:00:00+08:00}). A '+' sent unencoded in a
 * query string arrives as a space, so a space is read as '+'.
 */
class StartEditor extends PropertyEditorSupport {

  private final ZoneId zone;

  StartEditor(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public void setAsText(String text) {
    if (text == null || text.isBlank()) {
      setValue(null);
      return;
    }
    String value = text.strip().replace(' ', '+');
    try {
      setValue(value.length() == 10
          ? LocalDate.parse(value).atStartOfDay(zone).toOffsetDateTime()
          : OffsetDateTime.parse(value));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "“" + text + "”应为日期（如 2026-09-30）或带时区偏移的日期时间（如 2026-09-30T10:00:00+08:00）", e);
    }
  }
}
