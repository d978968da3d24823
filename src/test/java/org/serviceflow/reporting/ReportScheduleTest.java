package org.serviceflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.serviceflow.support.ProcessEngineTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The report schedule on the shipped 2026 calendar: the table of docs/reporting.md "When they run", and the starts. */
@ProcessEngineTest
class ReportScheduleTest {

  @Autowired ReportSchedule schedule;

  @ParameterizedTest(name = "period {0}, due by the {1}: {2}")
  @CsvSource({
      // October: National Day 10-01..07; the 10th is a Saturday 调休 working day
      "2026-09, 10, 2026-10-10T17:30:00+08:00",
      "2026-09, 4, 2026-10-08T17:30:00+08:00",
      "2026-09, 5, 2026-10-08T17:30:00+08:00",
      "2026-09, 31, 2026-10-30T17:30:00+08:00",
      // May: Labour Day 05-01..05; the 10th is a Sunday, the 9th a Saturday 调休 working day; the 31st a Sunday
      "2026-04, 10, 2026-05-09T17:30:00+08:00",
      "2026-04, 4, 2026-05-06T17:30:00+08:00",
      "2026-04, 31, 2026-05-29T17:30:00+08:00",
      // February: the 28th is a Saturday 调休 working day; day 31 means the month's last day
      "2026-01, 10, 2026-02-10T17:30:00+08:00",
      "2026-01, 4, 2026-02-04T17:30:00+08:00",
      "2026-01, 31, 2026-02-28T17:30:00+08:00",
      // January 2026: New Year 01-01..03, 01-04 a Sunday 调休 working day (the first working day)
      "2025-12, 4, 2026-01-04T17:30:00+08:00",
      "2025-12, 10, 2026-01-09T17:30:00+08:00"})
  void shouldBeDueOnTheWorkingDayOnOrBeforeTheDayButNotBeforeTheRunStarts(String period, int dueDay, String due) {
    assertThat(schedule.dueOf(YearMonth.parse(period), dueDay)).isEqualTo(OffsetDateTime.parse(due).toInstant());
  }

  @ParameterizedTest(name = "after {0}: {1}")
  @CsvSource({
      "2026-09-15T12:00:00+08:00, 2026-10-08T08:30:00+08:00",
      "2026-10-08T08:30:00+08:00, 2026-11-02T08:30:00+08:00",
      "2026-10-08T08:29:00+08:00, 2026-10-08T08:30:00+08:00",
      "2025-12-20T12:00:00+08:00, 2026-01-04T08:30:00+08:00",
      "2026-02-01T00:00:00+08:00, 2026-02-02T08:30:00+08:00"})
  void shouldStartOnTheFirstWorkingDayOfTheMonth(String after, String start) {
    assertThat(schedule.nextStart(OffsetDateTime.parse(after).toInstant()))
        .isEqualTo(OffsetDateTime.parse(start).toInstant());
  }

  @Test
  void shouldWarnTheWorkingDayBeforeUnlessThatIsNotAfterTheStart() {
    assertThat(schedule.warning("2026-01", 10).toInstant()).isEqualTo(instant("2026-02-09T17:30:00+08:00"));
    // due on the first working day itself: no earlier warning
    assertThat(schedule.warning("2026-09", 4).toInstant()).isEqualTo(instant("2026-10-08T17:30:00+08:00"));
  }

  @Test
  void shouldRefuseADueDayThatIsNoDayOfTheMonth() {
    assertThatThrownBy(() -> schedule.dueOf(YearMonth.of(2026, 1), 0)).hasMessageContaining("dueDay 0");
    assertThatThrownBy(() -> schedule.dueOf(YearMonth.of(2026, 1), 32)).hasMessageContaining("dueDay 32");
  }

  private static Instant instant(String iso) {
    return OffsetDateTime.parse(iso).toInstant();
  }
}
