package org.serviceflow.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Deadline arithmetic on the shipped holiday data (2025, 2026), starting in late December 2025 so
 * that every call crosses the year boundary (元旦, then the 2026 weekends and 调休 days).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WorkingDayCalendarBenchmark {

  @Param({"5", "30", "120"})
  public int n;

  private WorkingDayCalendar calendar;
  private final LocalDate day = LocalDate.of(2025, 12, 24);
  private final Instant instant = LocalDate.of(2025, 12, 30).atTime(15, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();

  @Setup
  public void load() {
    ZoneId zone = ZoneId.of("Asia/Shanghai");
    calendar = new WorkingDayCalendar(HolidayDataLoader.load(null), zone, LocalTime.of(17, 30),
        new MissingYearAlert(event -> { }, Instant::now, zone, null));
  }

  @Benchmark
  public LocalDate addWorkingDays() {
    return calendar.addWorkingDays(day, n);
  }

  @Benchmark
  public Instant dueInWorkingDays() {
    return calendar.due(instant, n);
  }

  @Benchmark
  public Instant addWorkingHours() {
    return calendar.addWorkingTime(instant, Duration.ofHours(n));
  }
}
