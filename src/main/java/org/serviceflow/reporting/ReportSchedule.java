package org.serviceflow.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.serviceflow.calendar.WorkingDayCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When the monthly reports run, on the working-day calendar (expressions of bpmn/monthlyReportSchedule.bpmn and
 * bpmn/monthlyReport.bpmn):
 * <ul>
 *   <li>a run starts on the first working day of the month at {@code serviceflow.reports.start-time} (08:30), for the
 *   previous calendar month. The timer start events take {@link #nextStartCron()}: a cron expression whose next match is
 *   that instant, re-evaluated by the engine each time it fires ({@code reevaluateTimeCycleWhenDue}), so no date is
 *   ever fixed in the model;</li>
 *   <li>a report due "by the Nth" is due at the end of the Nth day of the month if that is a working day, else of the
 *   working day before (PROCESSES.md E default) — but never before the first working day of the month, when the run
 *   starts; day 31 means the month's last day (月底).</li>
 * </ul>
 */
@Component("reportSchedule")
public class ReportSchedule {

  private final WorkingDayCalendar calendar;
  private final LocalTime startTime;

  ReportSchedule(WorkingDayCalendar calendar, @Value("${serviceflow.reports.start-time:08:30}") LocalTime startTime) {
    this.calendar = calendar;
    this.startTime = startTime;
  }

  /**
   * The next run's start after the engine's now, as a cron expression in the JVM's default zone (the engine's cron has
   * no year field): its next match is that start, and the engine evaluates this method again when it fires.
   */
  public String nextStartCron() {
    ZonedDateTime start = nextStart(now()).atZone(ZoneId.systemDefault());
    return String.format("%d %d %d %d %d ?", start.getSecond(), start.getMinute(), start.getHour(),
        start.getDayOfMonth(), start.getMonthValue());
  }

  /** The first run start strictly after {@code after}. */
  public Instant nextStart(Instant after) {
    YearMonth month = YearMonth.from(calendar.dayOf(after));
    Instant start = startOf(month);
    return start.isAfter(after) ? start : startOf(month.plusMonths(1));
  }

  /** The start of the run in {@code month}: its first working day at the start time. */
  public Instant startOf(YearMonth month) {
    return firstWorkingDay(month).atTime(startTime).atZone(calendar.zone()).toInstant();
  }

  /** The period a run started now reports on: the previous calendar month, e.g. "2026-11". */
  public String previousMonth() {
    return YearMonth.from(calendar.dayOf(now())).minusMonths(1).toString();
  }

  /** Every report type's key, in the order of {@link ReportType}: one run each per month. */
  public java.util.List<String> reportTypes() {
    return java.util.Arrays.stream(ReportType.values()).map(ReportType::key).toList();
  }

  /** The business key of a run: RPT-type-period, e.g. RPT-complaintStatistics-2026-11. */
  public String runKey(String type) {
    return "RPT-" + type + "-" + previousMonth();
  }

  /** The due instant of the report on {@code period} that is due by day {@code dueDay} of the following month. */
  public Date due(String period, int dueDay) {
    return Date.from(dueOf(YearMonth.parse(period), dueDay));
  }

  public Instant dueOf(YearMonth period, int dueDay) {
    if (dueDay < 1 || dueDay > 31) {
      throw new IllegalArgumentException("reportSchedule.due: dueDay " + dueDay + " is not a day of the month 1..31");
    }
    YearMonth month = period.plusMonths(1);
    LocalDate first = firstWorkingDay(month);
    LocalDate day = month.atDay(Math.min(dueDay, month.lengthOfMonth()));
    while (!calendar.isWorkingDay(day) && day.isAfter(first)) {
      day = day.minusDays(1);
    }
    return calendar.endOfDay(day.isBefore(first) ? first : day);
  }

  /**
   * The warning (follow-up date): the end of the working day before the due day, or the due instant itself when that
   * day is not after the run's start (a report due on the first working day has no earlier warning).
   */
  public Date warning(String period, int dueDay) {
    YearMonth yearMonth = YearMonth.parse(period);
    Instant due = dueOf(yearMonth, dueDay);
    Instant before = calendar.workingDaysBefore(due, 1);
    return Date.from(before.isAfter(startOf(yearMonth.plusMonths(1))) ? before : due);
  }

  private LocalDate firstWorkingDay(YearMonth month) {
    LocalDate day = month.atDay(1);
    while (!calendar.isWorkingDay(day)) {
      day = day.plusDays(1);
    }
    return day;
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
