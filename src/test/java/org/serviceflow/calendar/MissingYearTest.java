package org.serviceflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serviceflow.calendar.CalendarFixture.at;
import static org.serviceflow.calendar.CalendarFixture.date;
import static org.serviceflow.calendar.CalendarFixture.day;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** 2027 has no data yet: weekends only, a WARN line, and one HolidayYearMissing event a day. */
class MissingYearTest {

  private static final HolidayYearMissing YEAR_2027 = new HolidayYearMissing(2027, 2026, null);

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
  void shouldPublishOnceADayPerMissingYear() {
    // given today is 2026-11-23 in Shanghai
    // when two deadlines reach into 2027 on the same day
    deadlines.workdaysFrom(date("2026-12-30T10:00"), 3);
    deadlines.workdaysFrom(date("2026-12-31T10:00"), 5);
    // then one event only
    assertThat(fixture.events).containsExactly(YEAR_2027);

    // when the next day a deadline reaches into 2027 again
    fixture.now.set(Instant.parse("2026-11-23T16:00:00Z")); // 2026-11-24 00:00 in Shanghai
    deadlines.workdaysFrom(date("2026-12-30T10:00"), 3);
    // then a second event
    assertThat(fixture.events).containsExactly(YEAR_2027, YEAR_2027);
  }

  @Test
  void shouldPublishSeparatelyForEachMissingYear() {
    // when one computation spans 2027 and 2028
    fixture.calendar.workingDaysBetween(at("2026-12-31T10:00"), at("2028-01-10T10:00"));
    // then one event per year
    assertThat(fixture.events).containsExactly(YEAR_2027, new HolidayYearMissing(2028, 2026, null));
  }

  @Test
  void shouldPublishNothingWhenAllDaysHaveData() {
    deadlines.workdaysFrom(date("2026-12-01T10:00"), 15);
    assertThat(fixture.events).isEmpty();
  }

  @Test
  void shouldPublishAgainSameDayWhenTheTransactionThatCarriedTheNoticeRolledBack() {
    // given the first event is handled inside a transaction (as inside the engine's)
    TransactionSynchronizationManager.initSynchronization();
    deadlines.workdaysFrom(date("2026-12-30T10:00"), 3);
    // when that transaction rolls back, taking the listener's outbox row with it
    TransactionSynchronizationManager.getSynchronizations()
        .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
    TransactionSynchronizationManager.clearSynchronization();
    deadlines.workdaysFrom(date("2026-12-30T10:00"), 3);
    deadlines.workdaysFrom(date("2026-12-30T10:00"), 3);
    // then the event is published once more that day, and only once
    assertThat(fixture.events).containsExactly(YEAR_2027, YEAR_2027);
  }

  @Test
  void shouldStillComputeAndRetryLaterWhenAListenerFails() {
    // given the listener fails once
    AtomicInteger calls = new AtomicInteger();
    fixture.listener.set(event -> {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("outbox unavailable");
      }
    });
    // when
    Date due = deadlines.workdaysFrom(date("2026-12-30T10:00"), 3);
    deadlines.workdaysFrom(date("2026-12-30T10:00"), 3);
    deadlines.workdaysFrom(date("2026-12-30T10:00"), 3);
    // then the deadline is still computed, and the failed event is published again (once) the same day
    assertThat(due).isEqualTo(Date.from(OffsetDateTime.parse("2027-01-04T17:30:00+08:00").toInstant()));
    assertThat(calls).hasValue(2);
    assertThat(fixture.events).containsExactly(YEAR_2027);
  }
}
