package org.serviceflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.serviceflow.calendar.CalendarFixture.at;
import static org.serviceflow.calendar.CalendarFixture.day;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkingDayCalendarTest {

  private final CalendarFixture fixture = new CalendarFixture();
  private final WorkingDayCalendar calendar = fixture.calendar;

  @ParameterizedTest(name = "make-up workday {0} is a working day")
  @ValueSource(strings = {
      "2026-02-14", "2026-09-20", "2026-10-10", // the 调休 days the issue names: Sat, Sun, Sat
      "2026-01-04", "2026-02-28", "2026-05-09",
      "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"})
  void shouldCountMakeUpWeekendDaysAsWorkingDays(String date) {
    // given a Saturday or Sunday the State Council made a working day
    // when / then
    CalendarDay day = calendar.describe(day(date));
    assertThat(day.working()).isTrue();
    assertThat(day.makeUpWorkday()).isTrue();
    assertThat(day.date().getDayOfWeek().getValue()).isGreaterThanOrEqualTo(6);
  }

  @ParameterizedTest(name = "Spring Festival holiday {0} is a day off")
  @ValueSource(strings = {
      "2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-21",
      "2026-02-22", "2026-02-23",
      "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01", "2025-02-02", "2025-02-03",
      "2025-02-04"})
  void shouldTreatEverySpringFestivalDayAsDayOff(String date) {
    CalendarDay day = calendar.describe(day(date));
    assertThat(day.working()).isFalse();
    assertThat(day.holiday()).isTrue();
    assertThat(day.festival()).isEqualTo("春节");
  }

  @ParameterizedTest(name = "National Day holiday {0} is a day off")
  @ValueSource(strings = {
      "2025-10-01", "2025-10-02", "2025-10-03", "2025-10-06", "2025-10-07", "2025-10-08",
      "2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"})
  void shouldTreatEveryNationalDayHolidayAsDayOff(String date) {
    assertThat(calendar.isWorkingDay(day(date))).isFalse();
  }

  @ParameterizedTest(name = "{0} is an ordinary working day")
  @ValueSource(strings = {
      "2025-02-05", "2025-10-09", "2025-12-31", "2026-02-13", "2026-02-24", "2026-09-30", "2026-10-08",
      "2026-11-23"})
  void shouldCountWeekdaysAroundHolidaysAsWorkingDays(String date) {
    assertThat(calendar.isWorkingDay(day(date))).isTrue();
  }

  @ParameterizedTest(name = "{0} is an ordinary weekend day off")
  @ValueSource(strings = {"2025-02-09", "2025-10-12", "2026-02-15", "2026-10-11", "2026-11-21", "2026-11-22"})
  void shouldTreatOrdinaryWeekendsAsDaysOff(String date) {
    assertThat(calendar.isWorkingDay(day(date))).isFalse();
  }

  @Test
  void shouldCountWorkingDaysAcrossNationalDay2026IncludingTheMakeUpSaturday() {
    // given received Wednesday 2026-09-30; Oct 1–7 are holidays, Oct 10 (Sat) a make-up workday
    // when / then: day 1 = Oct 8, 2 = Oct 9, 3 = Oct 10, 4 = Oct 12 (Oct 11 is an ordinary Sunday)
    assertThat(calendar.addWorkingDays(day("2026-09-30"), 1)).isEqualTo("2026-10-08");
    assertThat(calendar.addWorkingDays(day("2026-09-30"), 3)).isEqualTo("2026-10-10");
    assertThat(calendar.addWorkingDays(day("2026-09-30"), 4)).isEqualTo("2026-10-12");
    assertThat(calendar.addWorkingDays(day("2026-09-30"), 7)).isEqualTo("2026-10-15");
  }

  @Test
  void shouldCountWorkingDaysAcrossNationalDay2025() {
    // given received Friday 2025-09-26: Sep 28 (Sun) is a make-up workday, Oct 1–8 holidays, Oct 11 (Sat) make-up
    // when / then
    assertThat(calendar.addWorkingDays(day("2025-09-26"), 1)).isEqualTo("2025-09-28");
    assertThat(calendar.addWorkingDays(day("2025-09-26"), 3)).isEqualTo("2025-09-30");
    assertThat(calendar.addWorkingDays(day("2025-09-26"), 4)).isEqualTo("2025-10-09");
    assertThat(calendar.addWorkingDays(day("2025-09-26"), 6)).isEqualTo("2025-10-11");
    assertThat(calendar.addWorkingDays(day("2025-09-26"), 7)).isEqualTo("2025-10-13");
  }

  @Test
  void shouldCountWorkingDaysAcrossSpringFestival() {
    // 2026: Feb 14 (Sat) make-up, Feb 15–23 holidays, Feb 28 (Sat) make-up
    assertThat(calendar.addWorkingDays(day("2026-02-13"), 1)).isEqualTo("2026-02-14");
    assertThat(calendar.addWorkingDays(day("2026-02-13"), 2)).isEqualTo("2026-02-24");
    assertThat(calendar.addWorkingDays(day("2026-02-24"), 4)).isEqualTo("2026-02-28");
    // 2025: Jan 26 (Sun) make-up, Jan 28–Feb 4 holidays, Feb 8 (Sat) make-up
    assertThat(calendar.addWorkingDays(day("2025-01-24"), 1)).isEqualTo("2025-01-26");
    assertThat(calendar.addWorkingDays(day("2025-01-24"), 3)).isEqualTo("2025-02-05");
    assertThat(calendar.addWorkingDays(day("2025-01-29"), 4)).isEqualTo("2025-02-08");
  }

  @Test
  void shouldCountAcrossTheYearEndUsingBothYearsData() {
    // given received Tuesday 2025-12-30
    // when counting 3 working days: Dec 31 (Wed) is day 1; Jan 1–3 2026 are holidays; Jan 4 (Sun) is a
    // make-up workday, day 2; Jan 5 (Mon) is day 3
    // then
    assertThat(calendar.addWorkingDays(day("2025-12-30"), 3)).isEqualTo("2026-01-05");
    assertThat(calendar.addWorkingDays(day("2025-12-30"), 2)).isEqualTo("2026-01-04");
    assertThat(fixture.events).isEmpty();
  }

  @Test
  void shouldCountBackwardsWithNegativeDays() {
    assertThat(calendar.addWorkingDays(day("2026-10-15"), -1)).isEqualTo("2026-10-14");
    assertThat(calendar.addWorkingDays(day("2026-10-12"), -1)).isEqualTo("2026-10-10");
    assertThat(calendar.addWorkingDays(day("2026-10-08"), -1)).isEqualTo("2026-09-30");
    assertThat(calendar.addWorkingDays(day("2026-10-08"), 0)).isEqualTo("2026-10-08");
  }

  @Test
  void shouldRefuseCountsNoRuleNeeds() {
    assertThatThrownBy(() -> calendar.addWorkingDays(day("2026-09-30"), 1001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 1000");
    assertThat(calendar.addWorkingDays(day("2026-09-30"), -1000)).isBefore(day("2023-01-01"));
  }

  @Test
  void shouldCountWorkingDaysBetweenInstantsByTheSameRule() {
    // given received 2026-09-30 10:00
    // when / then: the working days after the day of receipt up to and including the later day
    assertThat(calendar.workingDaysBetween(at("2026-09-30T10:00"), at("2026-10-10T17:30"))).isEqualTo(3);
    assertThat(calendar.workingDaysBetween(at("2026-09-30T10:00"), at("2026-10-15T09:00"))).isEqualTo(7);
    assertThat(calendar.workingDaysBetween(at("2026-09-30T10:00"), at("2026-09-30T23:59"))).isZero();
    assertThat(calendar.workingDaysBetween(at("2026-10-01T00:00"), at("2026-10-07T23:00"))).isZero();
    assertThat(calendar.workingDaysBetween(at("2026-10-15T09:00"), at("2026-09-30T10:00"))).isEqualTo(-7);
  }

  @Test
  void shouldAgreeWithDueForEveryCountFromTheSameReceipt() {
    // given / when / then: workingDaysBetween(received, due(received, n)) == n
    for (int n = 0; n <= 40; n++) {
      assertThat(calendar.workingDaysBetween(at("2026-09-30T10:00"), calendar.due(at("2026-09-30T10:00"), n)))
          .as("n = %d", n)
          .isEqualTo(n);
    }
  }

  @Test
  void shouldAddCalendarHoursIgnoringNightsAndHolidays() {
    assertThat(calendar.addHours(at("2026-09-30T22:00"), 4)).isEqualTo(at("2026-10-01T02:00"));
    assertThat(calendar.addHours(at("2026-09-30T22:00"), 72)).isEqualTo(at("2026-10-03T22:00"));
  }

  @Test
  void shouldReportTheLastYearWithData() {
    assertThat(calendar.lastYearWithData()).isEqualTo(OptionalInt.of(2026));
  }

  @Test
  void shouldListDaysWithTheirFlagsAndFestivals() {
    // when
    var days = calendar.days(day("2026-09-19"), day("2026-09-21"));
    // then
    assertThat(days).containsExactly(
        new CalendarDay(day("2026-09-19"), false, false, false, null, true),
        new CalendarDay(day("2026-09-20"), true, false, true, "国庆节", true),
        new CalendarDay(day("2026-09-21"), true, false, false, null, true));
    assertThat(calendar.describe(day("2026-09-26")))
        .isEqualTo(new CalendarDay(day("2026-09-26"), false, true, false, "中秋节", true));
  }

  // ------------------------------------------------------------------------------------------ working time (pauses)

  @Test
  void shouldCountOnlyWorkingDaysInAPauseOverTheNationalDayHolidays() {
    // 09-30 15:00 → 10-08 10:00: 9 h of 09-30, nothing of 10-01..10-07 (国庆), 10 h of 10-08
    java.time.Duration paused = calendar.workingTimeBetween(
        java.time.Instant.parse("2026-09-30T07:00:00Z"), java.time.Instant.parse("2026-10-08T02:00:00Z"));
    assertThat(paused).isEqualTo(java.time.Duration.ofHours(19));
  }

  @Test
  void shouldCountAMakeUpSaturdayAndSkipAPlainSunday() {
    // Sat 10-10 is a 调休 working day, Sun 10-11 is not: 10-10 12:00 → 10-12 06:00 = 12 h + 6 h
    assertThat(calendar.workingTimeBetween(java.time.Instant.parse("2026-10-10T04:00:00Z"),
        java.time.Instant.parse("2026-10-11T22:00:00Z"))).isEqualTo(java.time.Duration.ofHours(18));
    assertThat(calendar.workingTimeBetween(java.time.Instant.parse("2026-10-11T04:00:00Z"),
        java.time.Instant.parse("2026-10-11T06:00:00Z"))).isZero();
  }

  @Test
  void shouldMoveADeadlineByWorkingTimeSkippingHolidays() {
    // 09-30 17:30 + 19 h: 6.5 h left of 09-30, then 10-01..10-07 are skipped, 12.5 h into 10-08
    assertThat(calendar.addWorkingTime(java.time.Instant.parse("2026-09-30T09:30:00Z"), java.time.Duration.ofHours(19)))
        .isEqualTo(java.time.Instant.parse("2026-10-08T04:30:00Z"));
    // starting on a holiday, counting begins at the next working day
    assertThat(calendar.addWorkingTime(java.time.Instant.parse("2026-10-03T02:00:00Z"), java.time.Duration.ofHours(1)))
        .isEqualTo(java.time.Instant.parse("2026-10-07T17:00:00Z"));
    assertThat(calendar.addWorkingTime(java.time.Instant.parse("2026-10-03T02:00:00Z"), java.time.Duration.ZERO))
        .isEqualTo(java.time.Instant.parse("2026-10-03T02:00:00Z"));
  }

  @ParameterizedTest(name = "adding the working time from {0} to a working-day instant gives it back")
  @ValueSource(strings = {"2026-09-28T10:00:00Z", "2026-02-13T09:00:00Z", "2025-12-31T12:00:00Z", "2026-10-09T23:00:00Z"})
  void shouldInvertWorkingTimeBetween(String from) {
    java.time.Instant start = java.time.Instant.parse(from);
    for (int days = 1; days <= 40; days += 3) {
      java.time.Instant end = calendar.due(start, days);
      assertThat(calendar.addWorkingTime(start, calendar.workingTimeBetween(start, end))).isEqualTo(end);
    }
  }
}
