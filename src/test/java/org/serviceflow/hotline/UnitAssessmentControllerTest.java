package org.serviceflow.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.serviceflow.identity.CurrentUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The unit assessment API's web layer: the month parameter, who may read it, and the figures passed through. */
@WebMvcTest(UnitAssessmentController.class)
@AutoConfigureMockMvc(addFilters = false)
@ActiveProfiles("test")
class UnitAssessmentControllerTest {

  @Autowired
  private MockMvc mvc;

  @MockitoBean
  private UnitAssessmentService assessments;

  @MockitoBean
  private CurrentUser currentUser;

  @BeforeEach
  void signedInAsDispatcher() {
    given(currentUser.id()).willReturn(Optional.of("paidan"));
    given(currentUser.groupIds()).willReturn(List.of("hotline-dispatchers"));
  }

  private ResultActions get(String query) throws Exception {
    return mvc.perform(MockMvcRequestBuilders.get("/api/hotline/units/assessment" + query));
  }

  @Test
  void shouldAnswerTheMonthsFiguresPerUnit() throws Exception {
    // given: 住建局 received 4, signed 3 in time, returned 1; closed 2, both on time, 1 satisfied of 1 reachable
    given(assessments.assess(YearMonth.of(2026, 11))).willReturn(List.of(
        UnitAssessment.of("unit-housing", 4, 3, 1, 1, 0, 2, 2, 2, 1, 1, 1, 0, 1, 0)));

    // when / then
    get("?month=2026-11")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.month").value("2026-11"))
        .andExpect(jsonPath("$.units[0].unit").value("unit-housing"))
        .andExpect(jsonPath("$.units[0].received").value(4))
        .andExpect(jsonPath("$.units[0].responseRate").value(0.75))
        .andExpect(jsonPath("$.units[0].returnRate").value(0.25))
        .andExpect(jsonPath("$.units[0].satisfactionRate").value(1.0))
        .andExpect(jsonPath("$.units[0].extensionRate").value(0.5));
  }

  @ParameterizedTest
  @ValueSource(strings = {"?month=2026-13", "?month=November", "?month=2026/11", "?month=", ""})
  void shouldNameTheMonthWhenItIsMissingOrMalformed(String query) throws Exception {
    String body = get(query)
        .andExpect(status().isBadRequest())
        .andExpect(header().string("Content-Type", "application/problem+json"))
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    List<String> named = JsonPath.read(body, "$.errors[*].field");
    assertThat(named).containsExactly("month");
    then(assessments).should(never()).assess(any());
  }

  @Test
  void shouldRefuseAHandlingUnit() throws Exception {
    // given
    given(currentUser.id()).willReturn(Optional.of("zhujian"));
    given(currentUser.groupIds()).willReturn(List.of("unit-housing"));

    // when / then
    get("?month=2026-11").andExpect(status().isForbidden());
    then(assessments).should(never()).assess(any());
  }
}
