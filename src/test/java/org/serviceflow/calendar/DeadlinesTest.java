package org.serviceflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.serviceflow.calendar.CalendarFixture.date;

import java.time.OffsetDateTime;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** The counting rule as BPMN expressions see it: day 1 is the first working day after the day of receipt. */
class DeadlinesTest {

  private final Deadlines deadlines = new Deadlines(new CalendarFixture().calendar);

  @Test
  void shouldCountARecordedInstantAsTheExpressionsDoAndReadItBackFromItsText() {
    // given the 7-working-day limit from 2026-09-30 10:00, its warning 1 working day before, extended by 3 working
    // days, and a count that must not end before a fixed instant
    CountedInstant due = CountedInstant.from(date("2026-09-30T10:00")).workdaysAfter(7).workdaysAfter(3);
    CountedInstant warning = CountedInstant.from(date("2026-09-30T10:00")).workdaysAfter(7).workdaysBefore(1);
    CountedInstant floored = warning.notBefore(offset("2026-10-16T09:00:00+08:00"));
    // when / then: the same instants as the expressions give, and the same count again from its text
    assertThat(deadlines.count(due)).isEqualTo(deadlines.extendByWorkdays(deadlines.workdaysFrom(date("2026-09-30T10:00"), 7), 3));
    assertThat(deadlines.count(warning)).isEqualTo(offset("2026-10-14T17:30:00+08:00"));
    assertThat(deadlines.count(floored)).isEqualTo(offset("2026-10-16T09:00:00+08:00"));
    assertThat(deadlines.count(CountedInstant.from(date("2026-09-30T10:00")).plusHours(24)))
        .isEqualTo(offset("2026-10-01T10:00:00+08:00"));
    assertThat(floored.toString()).isEqualTo("2026-09-30T02:00:00Z +7wd -1wd >=2026-10-16T01:00:00Z");
    assertThat(CountedInstant.parse(floored.toString())).isEqualTo(floored);
    assertThat(CountedInstant.parse(due.toString())).isEqualTo(due);
    assertThatThrownBy(() -> CountedInstant.parse("2026-09-30T02:00:00Z +7d"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("+7d");
  }

  @Test
  void shouldBeDueAtEndOfThirdWorkingDayAfterNationalDay() {
    // given received Wednesday 2026-09-30 10:00 (Oct 1–7 holidays, Oct 10 Saturday a make-up workday)
    Date received = date("2026-09-30T10:00");
    // when
    Date due = deadlines.workdaysFrom(received, 3);
    // then: Oct 8, Oct 9, Oct 10
    assertThat(due).isEqualTo(offset("2026-10-10T17:30:00+08:00"));
  }

  @Test
  void shouldBeDueOnOctober15ForSevenWorkingDaysAndWarnOneWorkingDayBefore() {
    // given
    Date received = date("2026-09-30T10:00");
    // when
    Date due = deadlines.workdaysFrom(received, 7);
    Date warning = deadlines.workdaysBefore(due, 1);
    // then
    assertThat(due).isEqualTo(offset("2026-10-15T17:30:00+08:00"));
    assertThat(warning).isEqualTo(offset("2026-10-14T17:30:00+08:00"));
  }

  @Test
  void shouldWarnOnTheMakeUpSaturdayWhenTheDeadlineFollowsIt() {
    // given due Monday 2026-10-12; the working day before is Saturday Oct 10 (调休), not Sunday Oct 11
    // when / then
    assertThat(deadlines.workdaysBefore(date("2026-10-12T17:30"), 1)).isEqualTo(offset("2026-10-10T17:30:00+08:00"));
    // and 4 working days before it: Oct 10, Oct 9, Oct 8, then over the holidays to Sep 30
    assertThat(deadlines.workdaysBefore(date("2026-10-12T17:30"), 4)).isEqualTo(offset("2026-09-30T17:30:00+08:00"));
  }

  @Test
  void shouldCountFromTheNextWorkingDayWhenReceivedOnAHoliday() {
    // given received on Saturday 2026-10-03, a National Day holiday
    // when / then: Oct 4–7 are holidays too, so day 1 is Thursday Oct 8
    assertThat(deadlines.workdaysFrom(date("2026-10-03T09:00"), 1)).isEqualTo(offset("2026-10-08T17:30:00+08:00"));
    // and received on 2025-01-29, Spring Festival: Feb 5, 6, 7, then the make-up Saturday Feb 8
    assertThat(deadlines.workdaysFrom(date("2025-01-29T11:00"), 3)).isEqualTo(offset("2025-02-07T17:30:00+08:00"));
    assertThat(deadlines.workdaysFrom(date("2025-01-29T11:00"), 4)).isEqualTo(offset("2025-02-08T17:30:00+08:00"));
  }

  @Test
  void shouldCountFromMondayWhenReceivedOnAWeekend() {
    // given received on an ordinary Saturday and Sunday
    // when / then: both count Monday 2026-11-23 as day 1
    assertThat(deadlines.workdaysFrom(date("2026-11-21T15:00"), 1)).isEqualTo(offset("2026-11-23T17:30:00+08:00"));
    assertThat(deadlines.workdaysFrom(date("2026-11-22T08:00"), 1)).isEqualTo(offset("2026-11-23T17:30:00+08:00"));
    assertThat(deadlines.workdaysFrom(date("2026-11-22T08:00"), 5)).isEqualTo(offset("2026-11-27T17:30:00+08:00"));
  }

  @Test
  void shouldCountFromTheNextWorkingDayWhenReceivedLateOnAWorkingDay() {
    // given received Monday 2026-11-23 at 23:30 (after the end of the working day)
    // when / then: day 1 is Tuesday, exactly as for a receipt at 09:00 that Monday
    assertThat(deadlines.workdaysFrom(date("2026-11-23T23:30"), 1)).isEqualTo(offset("2026-11-24T17:30:00+08:00"));
    assertThat(deadlines.workdaysFrom(date("2026-11-23T09:00"), 1)).isEqualTo(offset("2026-11-24T17:30:00+08:00"));
  }

  @Test
  void shouldTakeTheDayOfReceiptInShanghaiNotInUtc() {
    // given 2026-11-23T16:30Z is already Tuesday 00:30 in Shanghai
    Date received = Date.from(OffsetDateTime.parse("2026-11-23T16:30:00Z").toInstant());
    // when / then: day 1 is Wednesday
    assertThat(deadlines.workdaysFrom(received, 1)).isEqualTo(offset("2026-11-25T17:30:00+08:00"));
  }

  @Test
  void shouldCountAcrossTheYearEnd() {
    // given received Tuesday 2025-12-30
    // when 3 working days: Dec 31 (Wed) is day 1; Jan 1–3 2026 are 元旦 holidays; Jan 4 (Sun) is a
    // make-up workday, day 2; Jan 5 (Mon) is day 3
    // then
    assertThat(deadlines.workdaysFrom(date("2025-12-30T14:00"), 3)).isEqualTo(offset("2026-01-05T17:30:00+08:00"));
  }

  @Test
  void shouldBeDueAtEndOfTheDayOfReceiptForZeroWorkingDays() {
    assertThat(deadlines.workdaysFrom(date("2026-11-23T09:00"), 0)).isEqualTo(offset("2026-11-23T17:30:00+08:00"));
  }

  @Test
  void shouldEndTheSameDayAtMidnightInShanghaiOnAnyDay() {
    // a working day, late in the evening, and a holiday: the calendar day counts, not the working day
    assertThat(deadlines.sameDay(date("2026-11-06T16:00"))).isEqualTo(offset("2026-11-07T00:00:00+08:00"));
    assertThat(deadlines.sameDay(date("2026-11-06T23:59"))).isEqualTo(offset("2026-11-07T00:00:00+08:00"));
    assertThat(deadlines.sameDay(date("2026-10-01T08:00"))).isEqualTo(offset("2026-10-02T00:00:00+08:00"));
    // 2026-11-06 20:00 UTC is already 7 November in Shanghai
    assertThat(deadlines.sameDay(Date.from(OffsetDateTime.parse("2026-11-06T20:00:00Z").toInstant())))
        .isEqualTo(offset("2026-11-08T00:00:00+08:00"));
  }

  @Test
  void shouldExtendADeadlineByWorkingDaysAfterItsDay() {
    // given due Saturday 2026-10-10 17:30 (make-up workday)
    // when extended by 5 working days: Oct 12, 13, 14, 15, 16
    // then
    assertThat(deadlines.extendByWorkdays(date("2026-10-10T17:30"), 5)).isEqualTo(offset("2026-10-16T17:30:00+08:00"));
    // and a deadline before a holiday moves past it
    assertThat(deadlines.extendByWorkdays(date("2026-09-30T17:30"), 1)).isEqualTo(offset("2026-10-08T17:30:00+08:00"));
  }

  @Test
  void shouldAddCalendarHoursAcrossMidnight() {
    // given 2026-09-30 22:00, the evening before National Day
    // when / then: calendar time, the holiday does not matter
    assertThat(deadlines.hoursFrom(date("2026-09-30T22:00"), 4)).isEqualTo(offset("2026-10-01T02:00:00+08:00"));
    assertThat(deadlines.hoursFrom(date("2026-11-23T23:30"), 24)).isEqualTo(offset("2026-11-24T23:30:00+08:00"));
  }

  @Test
  void shouldRejectANullStartAsAModellingError() {
    assertThatThrownBy(() -> deadlines.workdaysFrom(null, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deadlines.workdaysFrom")
        .hasMessageContaining("start is null");
    assertThatThrownBy(() -> deadlines.workdaysBefore(null, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deadline is null");
    assertThatThrownBy(() -> deadlines.hoursFrom(null, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> deadlines.extendByWorkdays(null, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRejectNegativeCounts() {
    assertThatThrownBy(() -> deadlines.workdaysFrom(date("2026-09-30T10:00"), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be negative");
    assertThatThrownBy(() -> deadlines.hoursFrom(date("2026-09-30T10:00"), -2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Date offset(String isoOffsetDateTime) {
    return Date.from(OffsetDateTime.parse(isoOffsetDateTime).toInstant());
  }
}
