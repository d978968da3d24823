package org.serviceflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An administrator drops next year's file into the data directory and reloads without a restart: the
 * calendar counts the new holidays at once, the change is recorded and the administrators are told; a
 * file with a mistake answers 400 and changes nothing; only camunda-admin may reload.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext
class HolidayDataReloadTest {

  static final Path DATA_DIR = createDataDir();
  static final String YEAR_2027 = """
      year: 2027
      source: 测试数据（非官方）
      festivals:
        - name: 元旦
          holidays: {from: 2027-01-01}
      """;

  @Autowired MockMvc mvc;
  @Autowired WorkingDayCalendar calendar;
  @Autowired JdbcTemplate jdbc;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("serviceflow.calendar.data-dir", DATA_DIR::toString);
  }

  @AfterEach
  void removeFiles() throws IOException {
    try (var files = Files.list(DATA_DIR)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
  }

  @Test
  void shouldCountANewYearAfterAReloadAndTellTheAdministrators() throws Exception {
    // given 2027 has no data: 2027-01-01 (Friday) counts as a working day
    assertThat(calendar.isWorkingDay(CalendarFixture.day("2027-01-01"))).isTrue();
    long noticesBefore = dataChangedNotices();
    Files.writeString(DATA_DIR.resolve("2027.yaml"), YEAR_2027);

    // when an administrator reloads
    mvc.perform(post("/api/calendar/reload").header(HttpHeaders.AUTHORIZATION, basic("admin", "admin")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.years").value(org.hamcrest.Matchers.contains(2025, 2026, 2027)))
        .andExpect(jsonPath("$.addedYears").value(org.hamcrest.Matchers.contains(2027)))
        .andExpect(jsonPath("$.changedYears").isEmpty());

    // then 2027-01-01 is a holiday, the fingerprint is recorded, and camunda-admin got one notice
    assertThat(calendar.isWorkingDay(CalendarFixture.day("2027-01-01"))).isFalse();
    assertThat(jdbc.queryForObject("select count(*) from holiday_data_version where holiday_year = 2027", Integer.class))
        .isOne();
    assertThat(dataChangedNotices()).isEqualTo(noticesBefore + 1);

    // when reloaded again with the same files
    mvc.perform(post("/api/calendar/reload").header(HttpHeaders.AUTHORIZATION, basic("admin", "admin")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.addedYears").isEmpty());
    // then nothing changed and nobody is told twice
    assertThat(dataChangedNotices()).isEqualTo(noticesBefore + 1);

    // when the file is removed again and reloaded
    Files.delete(DATA_DIR.resolve("2027.yaml"));
    mvc.perform(post("/api/calendar/reload").header(HttpHeaders.AUTHORIZATION, basic("admin", "admin")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.removedYears").value(org.hamcrest.Matchers.contains(2027)));
    assertThat(calendar.isWorkingDay(CalendarFixture.day("2027-01-01"))).isTrue();
  }

  @Test
  void shouldKeepTheDataWhenAFileHasAMistake() throws Exception {
    // given a file with a typo in a key
    Files.writeString(DATA_DIR.resolve("2027.yaml"), YEAR_2027.replace("holidays:", "holiday:"));
    // when reloaded
    String body = mvc.perform(post("/api/calendar/reload").header(HttpHeaders.AUTHORIZATION, basic("admin", "admin")))
        .andExpect(status().isBadRequest())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    // then the answer names the file and the problem, and 2027 still has no data
    assertThat((String) JsonPath.read(body, "$.detail")).contains("2027.yaml").contains("holiday");
    assertThat(calendar.describe(CalendarFixture.day("2027-01-01")).hasData()).isFalse();
  }

  @Test
  void shouldLetOnlyAdministratorsReload() throws Exception {
    mvc.perform(post("/api/calendar/reload").header(HttpHeaders.AUTHORIZATION, basic("kefu1", "demo")))
        .andExpect(status().isForbidden());
    mvc.perform(post("/api/calendar/reload"))
        .andExpect(status().isUnauthorized());
  }

  private long dataChangedNotices() throws Exception {
    String body = mvc.perform(get("/api/inbox").header(HttpHeaders.AUTHORIZATION, basic("admin", "admin")))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    List<String> subjects = JsonPath.read(body, "$[*].subject");
    return subjects.stream().filter(subject -> subject.contains("节假日数据已更新")).count();
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static Path createDataDir() {
    try {
      return Files.createTempDirectory("holiday-data");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
