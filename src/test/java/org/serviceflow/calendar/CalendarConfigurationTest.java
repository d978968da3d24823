package org.serviceflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serviceflow.calendar.CalendarFixture.date;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The serviceflow.calendar settings as Spring binds them, without booting the engine. */
class CalendarConfigurationTest {

  @TempDir Path dataDir;

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withUserConfiguration(CalendarConfiguration.class, Deadlines.class);

  @Test
  void shouldDefaultToShanghaiAndHalfPastFive() {
    context.run(app -> {
      assertThat(app).hasNotFailed();
      assertThat(app.getBean(CalendarProperties.class).dataDir()).isNull();
      assertThat(app.getBean("deadlines", Deadlines.class).workdaysFrom(date("2026-09-30T10:00"), 3))
          .isEqualTo(Date.from(OffsetDateTime.parse("2026-10-10T17:30:00+08:00").toInstant()));
    });
  }

  @Test
  void shouldTreatAnEmptyDataDirectoryAsNone() {
    context.withPropertyValues("serviceflow.calendar.data-dir=").run(app -> {
      assertThat(app).hasNotFailed();
      assertThat(app.getBean(CalendarProperties.class).dataDir()).isNull();
    });
  }

  @Test
  void shouldUseTheConfiguredEndOfDayAndDataDirectory() throws IOException {
    // given
    Files.writeString(dataDir.resolve("2027.yaml"), HolidayDataLoaderTest.YEAR_2027);
    context
        .withPropertyValues("serviceflow.calendar.end-of-day=16:00", "serviceflow.calendar.data-dir=" + dataDir)
        .run(app -> {
          // when received 2026-12-31, 1 working day, with 2027 known
          Date due = app.getBean(Deadlines.class).workdaysFrom(date("2026-12-31T10:00"), 1);
          // then
          assertThat(due).isEqualTo(Date.from(OffsetDateTime.parse("2027-01-04T16:00:00+08:00").toInstant()));
        });
  }

  @Test
  void shouldRefuseToStartOnABadDataFile() throws IOException {
    // given a make-up day on a weekday
    Files.writeString(dataDir.resolve("2027.yaml"),
        "year: 2027\nsource: x\nfestivals:\n  - name: 元旦\n    holidays: {from: 2027-01-01}\n"
            + "    make-up-workdays: [2027-01-04]\n");
    context.withPropertyValues("serviceflow.calendar.data-dir=" + dataDir).run(app -> {
      // then
      assertThat(app).hasFailed();
      assertThat(app.getStartupFailure())
          .rootCause()
          .isInstanceOf(HolidayDataException.class)
          .hasMessageContaining("2027.yaml")
          .hasMessageContaining("make-up workday 2027-01-04 is a MONDAY");
    });
  }
}
