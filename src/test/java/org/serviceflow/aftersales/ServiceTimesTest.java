package org.serviceflow.aftersales;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.serviceflow.calendar.CalendarProperties;

/** The after-sales date rules in the calendar zone (Asia/Shanghai), independent of the JVM's zone. */
class ServiceTimesTest {

  private final ServiceTimes times = new ServiceTimes(
      new CalendarProperties(ZoneId.of("Asia/Shanghai"), LocalTime.of(17, 30), (Path) null));

  @Test
  void shouldCountWholeMonthsFromPurchaseToTheDayOfReceiptInShanghai() {
    // 2026-11-01 23:30 in Shanghai is still 1 November in UTC minus 8 hours: the Shanghai day counts
    Date receivedLate = date("2026-11-01T23:30:00+08:00");

    assertThat(times.monthsSincePurchase(LocalDate.of(2025, 11, 2), receivedLate)).isEqualTo(11);
    assertThat(times.monthsSincePurchase(LocalDate.of(2025, 11, 1), receivedLate)).isEqualTo(12);
    assertThat(times.monthsSincePurchase(null, receivedLate)).isNull();
  }

  @Test
  void shouldAcceptAReturnUpToTheSeventhDayAfterPurchase() {
    LocalDate purchased = LocalDate.of(2026, 10, 26);

    assertThat(times.withinDaysOfPurchase(purchased, date("2026-11-02T23:59:00+08:00"), 7)).isTrue();
    assertThat(times.withinDaysOfPurchase(purchased, date("2026-11-03T00:00:00+08:00"), 7)).isFalse();
    assertThat(times.withinDaysOfPurchase(null, date("2026-10-27T10:00:00+08:00"), 7)).isFalse();
  }

  @Test
  void shouldDueANormalVisitAtTheAppointment() {
    OffsetDateTime appointment = OffsetDateTime.parse("2026-11-05T14:00+08:00");

    assertThat(times.visitDue(appointment, false, date("2026-11-02T09:00:00+08:00")))
        .isEqualTo(date("2026-11-05T14:00:00+08:00"));
  }

  @Test
  void shouldDueAnUrgentVisitTheSameDayAtTheLatest() {
    Date agreedAt = date("2026-11-02T09:00:00+08:00");

    assertThat(times.visitDue(OffsetDateTime.parse("2026-11-02T15:00+08:00"), true, agreedAt))
        .isEqualTo(date("2026-11-02T15:00:00+08:00"));
    assertThat(times.visitDue(OffsetDateTime.parse("2026-11-04T15:00+08:00"), true, agreedAt))
        .isEqualTo(date("2026-11-03T00:00:00+08:00"));
  }

  @Test
  void shouldEndANeededByDayAtTheEndOfTheWorkingDay() {
    assertThat(times.endOfDay("2026-11-05")).isEqualTo(date("2026-11-05T17:30:00+08:00"));
  }

  @Test
  void shouldReadFormDateTimesWithAndWithoutOffset() {
    assertThat(times.parse("2026-11-03T10:00+08:00").toInstant()).isEqualTo(date("2026-11-03T10:00:00+08:00").toInstant());
    assertThat(times.parse("2026-11-03T02:00Z").toInstant()).isEqualTo(date("2026-11-03T10:00:00+08:00").toInstant());
    assertThat(times.parse("2026-11-03T10:00").toInstant()).isEqualTo(date("2026-11-03T10:00:00+08:00").toInstant());
  }

  private static Date date(String iso) {
    return Date.from(OffsetDateTime.parse(iso).toInstant());
  }
}
