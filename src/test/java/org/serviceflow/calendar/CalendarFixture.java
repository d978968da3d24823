package org.serviceflow.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A calendar on the shipped holiday data (2025, 2026), in Asia/Shanghai with end of day 17:30,
 * whose published events are collected in {@link #events} and whose "now" is settable.
 */
final class CalendarFixture {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final LocalTime END_OF_DAY = LocalTime.of(17, 30);
  private static final Map<Integer, HolidayYear> SHIPPED = HolidayDataLoader.load(null);

  /** Every event the calendar published, in order. */
  final List<Object> events = new CopyOnWriteArrayList<>();
  /** Runs before an event is collected; a test may make it throw, as a failing listener would. */
  final AtomicReference<Consumer<Object>> listener = new AtomicReference<>(event -> { });
  /** "Now" for the once-a-day notice; starts at Monday 2026-11-23 10:00 in Shanghai. */
  final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T02:00:00Z"));
  final WorkingDayCalendar calendar;

  CalendarFixture() {
    this(SHIPPED);
  }

  CalendarFixture(Map<Integer, HolidayYear> data) {
    calendar = new WorkingDayCalendar(data, ZONE, END_OF_DAY, new MissingYearAlert(event -> {
      listener.get().accept(event);
      events.add(event);
    }, now::get, ZONE, null));
  }

  /** A local date-time in Asia/Shanghai, whatever the JVM's default zone. */
  static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
  }

  static Date date(String localDateTime) {
    return Date.from(at(localDateTime));
  }

  static LocalDate day(String isoDate) {
    return LocalDate.parse(isoDate);
  }
}
