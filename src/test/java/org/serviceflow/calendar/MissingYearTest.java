package org.serviceflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.serviceflow.calendar.CalendarFixture.at;
import static org.serviceflow.calendar.CalendarFixture.date;
import static org.serviceflow.calendar.CalendarFixture.day;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** 2027 has no data yet: weekends only, a WARN line, and one notice a day to camunda-admin. */
class MissingYearTest {

  private final CalendarFixture fixture = new CalendarFixture();
  private final Deadlines deadlines = new Deadlines(fixture.calendar);

  @AfterEach
  void clearTransactionSynchronization() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.clearSynchronization();
    }
  }

  @Test
  void shouldCountAYearWithoutDataWithWeekendsOnly() {
    // given 2027 has no data; its Jan 1 (Fri) would really be a holiday, but no one knows it yet
    // when received Wednesday 2026-12-30, 3 working days: Dec 31 (Thu), Jan 1 (Fri, counted), Jan 4 (Mon)
    Date due = deadlines.workdaysFrom(date("2026-12-30T10:00"), 3);
    // then
    assertThat(due).isEqualTo(Date.from(OffsetDateTime.parse("2027-01-04T17:30:00+08:00").toInstant()));
    assertThat(fixture.calendar.describe(day("2027-01-02")))
        .isEqualTo(new CalendarDay(day("2027-01-02"), false, false, false, null, false));
    assertThat(fixture.calendar.isWorkingDay(day("2027-10-01"))).isTrue();
  }

  @Test
  void shouldNotifyAdministratorsOnceADayPerMissingYear() {
    // given today is 2026-11-23 in Shanghai
    // when two deadlines reach into 2027 on the same day
    deadlines.workdaysFrom(date("2026-12-30T10:00"), 3);
    deadlines.workdaysFrom(date("2026-12-31T10:00"), 5);
    // then one notice only
    verify(fixture.notifications, times(1)).toGroup(isNull(), eq("camunda-admin"), eq("calendar.yearMissing"),
        eq(Map.of("year", "2027", "lastYear", "2026", "dataDir", "（未配置 serviceflow.calendar.data-dir）")));

    // when the next day a deadline reaches into 2027 again
    fixture.now.set(Instant.parse("2026-11-23T16:00:00Z")); // 2026-11-24 00:00 in Shanghai
    deadlines.workdaysFrom(date("2026-12-30T10:00"), 3);
    // then a second notice
    verify(fixture.notifications, times(2)).toGroup(isNull(), eq("camunda-admin"), eq("calendar.yearMissing"), anyMap());
  }

  @Test
  void shouldNotifySeparatelyForEachMissingYear() {
    // when one computation spans 2027 and 2028
    fixture.calendar.workingDaysBetween(at("2026-12-31T10:00"), at("2028-01-10T10:00"));
    // then one notice per year
    verify(fixture.notifications).toGroup(isNull(), eq("camunda-admin"), eq("calendar.yearMissing"),
        eq(Map.of("year", "2027", "lastYear", "2026", "dataDir", "（未配置 serviceflow.calendar.data-dir）")));
    verify(fixture.notifications).toGroup(isNull(), eq("camunda-admin"), eq("calendar.yearMissing"),
        eq(Map.of("year", "2028", "lastYear", "2026", "dataDir", "（未配置 serviceflow.calendar.data-dir）")));
    verifyNoMoreInteractions(fixture.notifications);
  }

  @Test
  void shouldNotNotifyWhenAllDaysHaveData() {
    deadlines.workdaysFrom(date("2026-12-01T10:00"), 15);
    verify(fixture.notifications, never()).toGroup(any(), anyString(), anyString(), anyMap());
  }

  @Test
  void shouldNotifyAgainSameDayWhenTheTransactionThatCarriedTheNoticeRolledBack() {
    // given the first notice is written inside a transaction (as inside the engine's)
    TransactionSynchronizationManager.initSynchronization();
    deadlines.workdaysFrom(date("2026-12-30T10:00"), 3);
    // when that transaction rolls back, taking the outbox row with it
    TransactionSynchronizationManager.getSynchronizations()
        .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
    TransactionSynchronizationManager.clearSynchronization();
    deadlines.workdaysFrom(date("2026-12-30T10:00"), 3);
    deadlines.workdaysFrom(date("2026-12-30T10:00"), 3);
    // then the notice is written once more that day, and only once
    verify(fixture.notifications, times(2)).toGroup(isNull(), eq("camunda-admin"), eq("calendar.yearMissing"), anyMap());
  }

  @Test
  void shouldStillComputeAndRetryLaterWhenTheNoticeCannotBeWritten() {
    // given the notification service fails once
    doThrow(new IllegalStateException("outbox unavailable"))
        .doNothing()
        .when(fixture.notifications).toGroup(any(), anyString(), anyString(), anyMap());
    // when
    Date due = deadlines.workdaysFrom(date("2026-12-30T10:00"), 3);
    deadlines.workdaysFrom(date("2026-12-30T10:00"), 3);
    deadlines.workdaysFrom(date("2026-12-30T10:00"), 3);
    // then the deadline is still computed, and the failed notice is tried again (once) the same day
    assertThat(due).isEqualTo(Date.from(OffsetDateTime.parse("2027-01-04T17:30:00+08:00").toInstant()));
    verify(fixture.notifications, times(2)).toGroup(any(), anyString(), anyString(), anyMap());
  }
}
