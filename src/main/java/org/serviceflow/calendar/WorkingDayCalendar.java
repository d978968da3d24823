package org.serviceflow.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The working-day calendar of mainland China: official holidays are days off, official make-up
 * workdays (调休上班) are working days, every other Saturday and Sunday is a day off, every other
 * day is a working day. Days of a year without holiday data count with weekends only, and
 * {@link MissingYearAlert} is raised once per computation that touches such a year.
 *
 * <p>The counting rule ({@link #due}): day 1 is the first working day after the day of receipt,
 * whatever the time of receipt and whether or not that day is a working day; the deadline is the
 * end of the working day ({@code serviceflow.calendar.end-of-day}) of the Nth working day.
 */
public class WorkingDayCalendar {

  /** No rule needs more; a larger count is a modelling error, not a reason to walk through decades. */
  static final int MAX_WORKING_DAYS = 1000;

  // replaced as a whole when an administrator reloads the data files; each computation reads one snapshot
  private volatile NavigableMap<Integer, HolidayYear> years;
  private final ZoneId zone;
  private final LocalTime endOfDay;
  private final MissingYearAlert alert;

  WorkingDayCalendar(Map<Integer, HolidayYear> years, ZoneId zone, LocalTime endOfDay, MissingYearAlert alert) {
    this.years = new TreeMap<>(years);
    this.zone = zone;
    this.endOfDay = endOfDay;
    this.alert = alert;
  }

  /** Takes new holiday data (a reload): computations that start afterwards use it. */
  void replaceData(Map<Integer, HolidayYear> data) {
    this.years = new TreeMap<>(data);
  }

  /** The years with holiday data, each with the fingerprint of its days. */
  Map<Integer, String> fingerprints() {
    Map<Integer, String> fingerprints = new TreeMap<>();
    years.forEach((year, data) -> fingerprints.put(year, data.fingerprint()));
    return fingerprints;
  }

  public ZoneId zone() {
    return zone;
  }

  public boolean isWorkingDay(LocalDate date) {
    return describe(date).working();
  }

  public CalendarDay describe(LocalDate date) {
    Lookup lookup = new Lookup();
    CalendarDay day = lookup.day(date);
    lookup.report();
    return day;
  }

  /** Each day from {@code from} to {@code to}, both included. */
  public List<CalendarDay> days(LocalDate from, LocalDate to) {
    Lookup lookup = new Lookup();
    List<CalendarDay> days = new ArrayList<>();
    for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
      days.add(lookup.day(date));
    }
    lookup.report();
    return days;
  }

  /**
   * The Nth working day after {@code day} (N &gt; 0), the Nth working day before it (N &lt; 0), or
   * {@code day} itself (N = 0). {@code day} itself is never counted.
   */
  public LocalDate addWorkingDays(LocalDate day, int workingDays) {
    if (Math.abs(workingDays) > MAX_WORKING_DAYS) {
      throw new IllegalArgumentException(
          workingDays + " working days is more than the calendar counts (at most " + MAX_WORKING_DAYS + ")");
    }
    Lookup lookup = new Lookup();
    int step = workingDays < 0 ? -1 : 1;
    LocalDate date = day;
    for (int remaining = Math.abs(workingDays); remaining > 0; ) {
      date = date.plusDays(step);
      if (lookup.day(date).working()) {
        remaining--;
      }
    }
    lookup.report();
    return date;
  }

  /** Calendar time: {@code start} plus {@code hours} hours, nights, weekends and holidays included. */
  public Instant addHours(Instant start, long hours) {
    return start.plus(Duration.ofHours(hours));
  }

  /**
   * Working days counted by the rule: those after the day of {@code from} up to and including the
   * day of {@code to}; negative when {@code to} lies on an earlier day. So
   * {@code workingDaysBetween(received, due(received, n)) == n}.
   */
  public int workingDaysBetween(Instant from, Instant to) {
    LocalDate first = dayOf(from);
    LocalDate last = dayOf(to);
    if (last.isBefore(first)) {
      return -workingDaysBetween(to, from);
    }
    Lookup lookup = new Lookup();
    int count = 0;
    for (LocalDate date = first.plusDays(1); !date.isAfter(last); date = date.plusDays(1)) {
      if (lookup.day(date).working()) {
        count++;
      }
    }
    lookup.report();
    return count;
  }

  /**
   * Working time between two instants: the part of [from, to) that falls on working days (whole days,
   * midnight to midnight, in the calendar zone); weekends and holidays do not count, 调休 days do. Zero when
   * {@code to} is not after {@code from}. A pause of the clock (挂起) is measured with it.
   */
  public Duration workingTimeBetween(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    Lookup lookup = new Lookup();
    Duration total = Duration.ZERO;
    for (LocalDate date = dayOf(from); startOfDay(date).isBefore(to); date = date.plusDays(1)) {
      if (lookup.day(date).working()) {
        Instant start = max(from, startOfDay(date));
        Instant end = min(to, startOfDay(date.plusDays(1)));
        total = total.plus(Duration.between(start, end));
      }
    }
    lookup.report();
    return total;
  }

  /**
   * {@code start} moved later by {@code workingTime}, counted on working days only (the inverse of
   * {@link #workingTimeBetween}): a deadline resumed after a pause moves by the working time the pause took.
   * Starting on a non-working day, counting begins at the next working day.
   */
  public Instant addWorkingTime(Instant start, Duration workingTime) {
    if (workingTime.isNegative() || workingTime.isZero()) {
      return start;
    }
    Lookup lookup = new Lookup();
    Duration left = workingTime;
    Instant at = start;
    LocalDate date = dayOf(start);
    while (true) {
      if (lookup.day(date).working()) {
        Instant dayEnd = startOfDay(date.plusDays(1));
        Duration available = Duration.between(at, dayEnd);
        if (left.compareTo(available) <= 0) {
          lookup.report();
          return at.plus(left);
        }
        left = left.minus(available);
      }
      date = date.plusDays(1);
      at = startOfDay(date);
    }
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /** The counting rule: end of the working day of the Nth working day after the day of receipt. */
  public Instant due(Instant received, int workingDays) {
    return endOfDay(addWorkingDays(dayOf(received), workingDays));
  }

  /** End of the working day that lies N working days before the day of {@code deadline} (warnings). */
  public Instant workingDaysBefore(Instant deadline, int workingDays) {
    return endOfDay(addWorkingDays(dayOf(deadline), -workingDays));
  }

  /** The last year that has holiday data, if any. */
  public OptionalInt lastYearWithData() {
    NavigableMap<Integer, HolidayYear> data = years;
    return data.isEmpty() ? OptionalInt.empty() : OptionalInt.of(data.lastKey());
  }

  public LocalDate dayOf(Instant instant) {
    return instant.atZone(zone).toLocalDate();
  }

  public Instant startOfDay(LocalDate date) {
    return date.atStartOfDay(zone).toInstant();
  }

  public Instant endOfDay(LocalDate date) {
    return date.atTime(endOfDay).atZone(zone).toInstant();
  }

  /** One computation: looks days up and, at its end, raises the alert once for each year it found without data. */
  private final class Lookup {
    private final NavigableMap<Integer, HolidayYear> data = years;
    private final Set<Integer> missingYears = new TreeSet<>();

    CalendarDay day(LocalDate date) {
      boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
      HolidayYear year = data.get(date.getYear());
      if (year == null) {
        missingYears.add(date.getYear());
        return new CalendarDay(date, !weekend, false, false, null, false);
      }
      String holiday = year.holidays().get(date);
      if (holiday != null) {
        return new CalendarDay(date, false, true, false, holiday, true);
      }
      String makeUp = year.makeUpWorkdays().get(date);
      if (makeUp != null) {
        return new CalendarDay(date, true, false, true, makeUp, true);
      }
      return new CalendarDay(date, !weekend, false, false, null, true);
    }

    void report() {
      OptionalInt lastYear = data.isEmpty() ? OptionalInt.empty() : OptionalInt.of(data.lastKey());
      missingYears.forEach(year -> alert.yearMissing(year, lastYear));
    }
  }
}
