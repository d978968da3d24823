package org.serviceflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.serviceflow.calendar.CalendarFixture.date;
import static org.serviceflow.calendar.CalendarFixture.day;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HolidayDataLoaderTest {

  /** Test data only: the 2027 schedule is not published yet. */
  static final String YEAR_2027 = """
      year: 2027
      source: 测试数据（非官方）
      festivals:
        - name: 元旦
          holidays: {from: 2027-01-01, to: 2027-01-03}
        - name: 春节
          holidays: {from: 2027-02-06, to: 2027-02-13}
          make-up-workdays: [2027-02-14]
      """;

  @TempDir Path dataDir;

  @Test
  void shouldLoadTheShippedYearsFromTheClasspath() {
    // when
    Map<Integer, HolidayYear> years = HolidayDataLoader.load(null);
    // then
    assertThat(years).containsOnlyKeys(2025, 2026);
    assertThat(years.get(2025).source()).contains("国办发明电〔2024〕12号");
    assertThat(years.get(2025).holidays()).hasSize(1 + 8 + 3 + 5 + 3 + 8);
    assertThat(years.get(2026).holidays()).hasSize(3 + 9 + 3 + 5 + 3 + 3 + 7);
    assertThat(years.get(2026).makeUpWorkdays()).containsOnlyKeys(
        day("2026-01-04"), day("2026-02-14"), day("2026-02-28"), day("2026-05-09"), day("2026-09-20"),
        day("2026-10-10"));
    assertThat(years.get(2026).holiday(day("2026-06-19"))).contains("端午节");
  }

  @Test
  void shouldUseANewYearDroppedIntoTheDataDirectory() throws IOException {
    // given an administrator drops 2027.yaml into serviceflow.calendar.data-dir
    Files.writeString(dataDir.resolve("2027.yaml"), YEAR_2027);
    CalendarFixture fixture = new CalendarFixture(HolidayDataLoader.load(dataDir));
    // when received Thursday 2026-12-31, 1 working day: Jan 1–3 are now holidays
    Date due = new Deadlines(fixture.calendar).workdaysFrom(date("2026-12-31T10:00"), 1);
    // then
    assertThat(due).isEqualTo(Date.from(OffsetDateTime.parse("2027-01-04T17:30:00+08:00").toInstant()));
    assertThat(fixture.calendar.isWorkingDay(day("2027-02-14"))).isTrue();
    assertThat(fixture.calendar.lastYearWithData()).isEqualTo(OptionalInt.of(2027));
    assertThat(fixture.events).isEmpty();
  }

  @Test
  void shouldLetTheDataDirectoryReplaceAShippedYear() throws IOException {
    // given a corrected 2026 file in the data directory that makes Nov 23 a holiday
    Files.writeString(dataDir.resolve("2026.yaml"), """
        year: 2026
        source: 更正
        festivals:
          - name: 测试
            holidays: {from: 2026-11-23}
        """);
    // when
    Map<Integer, HolidayYear> years = HolidayDataLoader.load(dataDir);
    // then the directory's file wins for 2026, 2025 still comes from the classpath
    assertThat(years.get(2026).holidays()).containsOnlyKeys(day("2026-11-23"));
    assertThat(years.get(2026).origin()).isEqualTo(dataDir.resolve("2026.yaml").toAbsolutePath().toString());
    assertThat(years.get(2025).holidays()).hasSize(28);
  }

  @Test
  void shouldFailWhenAMakeUpWorkdayIsAlsoAHoliday() {
    assertRejected("""
        year: 2027
        source: x
        festivals:
          - name: 春节
            holidays: {from: 2027-02-06, to: 2027-02-13}
          - name: 国庆节
            holidays: {from: 2027-10-01, to: 2027-10-07}
            make-up-workdays: [2027-02-13]
        """, "2027-02-13 is listed both as a make-up workday and as a holiday of 春节");
  }

  @Test
  void shouldFailWhenADateLiesOutsideTheFilesYear() {
    assertRejected("""
        year: 2027
        source: x
        festivals:
          - name: 元旦
            holidays: {from: 2026-12-31, to: 2027-01-01}
        """, "2026-12-31 lies outside the file's year 2027");
    assertRejected("""
        year: 2027
        source: x
        festivals:
          - name: 元旦
            holidays: {from: 2027-01-01}
            make-up-workdays: [2028-01-02]
        """, "2028-01-02 lies outside the file's year 2027");
  }

  @Test
  void shouldFailOnAMakeUpWorkdayThatIsNoWeekendDay() {
    assertRejected("""
        year: 2027
        source: x
        festivals:
          - name: 元旦
            holidays: {from: 2027-01-01}
            make-up-workdays: [2027-01-05]
        """, "make-up workday 2027-01-05 is a TUESDAY");
  }

  @Test
  void shouldFailOnTyposBadDatesAndOverlaps() {
    assertRejected("year: 2027\nsource: x\nfestivals:\n  - name: 元旦\n    holidays: {from: 2027-01-01}\n"
        + "    makeup-workdays: [2027-01-02]\n", "unknown key 'makeup-workdays'");
    assertRejected("year: 2027\nsource: x\nfestivals:\n  - name: 元旦\n    holidays: {from: 2027-1-1}\n",
        "'2027-1-1' is not a date");
    assertRejected("year: 2027\nsource: x\nfestivals:\n  - name: 元旦\n    holidays: {from: 2027-01-03, to: 2027-01-01}\n",
        "holidays end 2027-01-01 before they start 2027-01-03");
    assertRejected("year: 2027\nsource: x\nfestivals:\n  - name: A\n    holidays: {from: 2027-01-01, to: 2027-01-03}\n"
        + "  - name: B\n    holidays: {from: 2027-01-03}\n", "2027-01-03 is already a holiday of A");
    assertRejected("year: 2027\nfestivals: []\n", "has no 'source'");
    assertRejected("year: [2027\n", "not valid YAML");
  }

  @Test
  void shouldFailWhenTheFileNameDoesNotMatchItsYear() throws IOException {
    // given
    Files.writeString(dataDir.resolve("2028.yaml"), YEAR_2027);
    // when / then
    assertThatThrownBy(() -> HolidayDataLoader.load(dataDir))
        .isInstanceOf(HolidayDataException.class)
        .hasMessageContaining("holds year 2027 but is named 2028.yaml");
  }

  @Test
  void shouldFailWhenTheDataDirectoryDoesNotExist() {
    assertThatThrownBy(() -> HolidayDataLoader.load(dataDir.resolve("missing")))
        .isInstanceOf(HolidayDataException.class)
        .hasMessageContaining("serviceflow.calendar.data-dir")
        .hasMessageContaining("is not a directory");
  }

  private void assertRejected(String yaml, String expectedMessage) {
    try {
      Path file = dataDir.resolve("2027.yaml");
      Files.writeString(file, yaml);
      assertThatThrownBy(() -> HolidayDataLoader.load(dataDir))
          .isInstanceOf(HolidayDataException.class)
          .hasMessageContaining(file.toAbsolutePath().toString())
          .hasMessageContaining(expectedMessage);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
