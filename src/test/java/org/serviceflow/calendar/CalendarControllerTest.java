package org.serviceflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.MethodArgumentNotValidException;

/** The calendar endpoints on the real shipped holiday data. */
@WebMvcTest(CalendarController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(CalendarConfiguration.class)
@ActiveProfiles("test")
class CalendarControllerTest {

  @Autowired
  private MockMvc mvc;

  @Test
  void shouldAnswerTheDueInstantOnOctober10ForThreeWorkingDaysFromSeptember30() throws Exception {
    mvc.perform(get("/api/calendar/workdays").param("from", "2026-09-30").param("days", "3"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.from").value("2026-09-30T00:00:00+08:00"))
        .andExpect(jsonPath("$.days").value(3))
        .andExpect(jsonPath("$.due").value("2026-10-10T17:30:00+08:00"));
  }

  @Test
  void shouldAcceptADateTimeWithOffsetEvenWithAnUnencodedPlus() throws Exception {
    // given 2026-09-30T02:00Z = 10:00 in Shanghai; a '+' sent unencoded in a URL arrives as a space
    mvc.perform(get("/api/calendar/workdays?from=2026-09-30T02:00:00Z&days=7"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.from").value("2026-09-30T10:00:00+08:00"))
        .andExpect(jsonPath("$.due").value("2026-10-15T17:30:00+08:00"));
    mvc.perform(get("/api/calendar/workdays?from=2026-09-30T10:00:00+08:00&days=7"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.due").value("2026-10-15T17:30:00+08:00"));
  }

  @Test
  void shouldListEachDayWithItsFlags() throws Exception {
    mvc.perform(get("/api/calendar/days").param("from", "2026-09-28").param("to", "2026-10-12"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(15))
        .andExpect(jsonPath("$[0].date").value("2026-09-28"))
        .andExpect(jsonPath("$[0].weekday").value("星期一"))
        .andExpect(jsonPath("$[0].working").value(true))
        .andExpect(jsonPath("$[3].date").value("2026-10-01"))
        .andExpect(jsonPath("$[3].working").value(false))
        .andExpect(jsonPath("$[3].holiday").value(true))
        .andExpect(jsonPath("$[3].festival").value("国庆节"))
        .andExpect(jsonPath("$[12].date").value("2026-10-10"))
        .andExpect(jsonPath("$[12].working").value(true))
        .andExpect(jsonPath("$[12].makeUpWorkday").value(true))
        .andExpect(jsonPath("$[13].working").value(false))
        .andExpect(jsonPath("$[13].hasData").value(true));
  }

  @ParameterizedTest(name = "{0} → 400 naming {1}")
  @CsvSource(delimiter = '|', value = {
      "from=2026-09-30&days=-1       | days",
      "from=2026-09-30&days=366      | days",
      "from=2026-09-30               | days",
      "from=2026-09-30&days=three    | days",
      "from=30.09.2026&days=3        | from",
      "from=2026-09-30T10:00&days=3  | from",
      "days=3                        | from"})
  void shouldRejectBadWorkdaysParametersNamingThem(String query, String field) throws Exception {
    assertRejected("/api/calendar/workdays?" + query.strip(), field.strip());
  }

  @ParameterizedTest(name = "{0} → 400 naming {1}")
  @CsvSource(delimiter = '|', value = {
      "from=2026-10-12&to=2026-09-28 | to",
      "from=2026-01-01&to=2027-01-02 | to",
      "from=2026-13-01&to=2026-12-31 | from",
      "from=2026-09-28               | to"})
  void shouldRejectBadDaysParametersNamingThem(String query, String field) throws Exception {
    assertRejected("/api/calendar/days?" + query.strip(), field.strip());
  }

  private void assertRejected(String url, String field) throws Exception {
    var result = mvc.perform(get(url)).andExpect(status().isBadRequest()).andReturn();
    // the binding failure names the parameter ...
    assertThat(result.getResolvedException()).isInstanceOf(MethodArgumentNotValidException.class);
    assertThat(((MethodArgumentNotValidException) result.getResolvedException()).getFieldErrors())
        .extracting(error -> error.getField())
        .containsExactly(field);
    // ... and the shared problem-details handler (org.serviceflow.web) puts it into errors[].field
    List<String> named = JsonPath.read(result.getResponse().getContentAsString(StandardCharsets.UTF_8),
        "$.errors[*].field");
    assertThat(named).containsExactly(field);
  }
}
