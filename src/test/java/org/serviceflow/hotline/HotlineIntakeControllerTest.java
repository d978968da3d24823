package org.serviceflow.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The hotline intake API's web layer: the fields each appeal type requires, named in a 400, and a 201 for a valid appeal. */
@WebMvcTest(HotlineIntakeController.class)
@AutoConfigureMockMvc(addFilters = false)
@ActiveProfiles("test")
class HotlineIntakeControllerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] EVENT_FIELDS = {"eventDate", "eventLocation", "peopleInvolved"};
  private static final String[] AGAINST_FIELDS = {"target", "reason", "evidence"};

  @Autowired
  private MockMvc mvc;

  @MockitoBean
  private HotlineIntakeService intake;

  /** A complete 投诉 (complaint): every field any type may require. */
  static ObjectNode validComplaint() {
    ObjectNode appeal = JSON.createObjectNode();
    appeal.put("citizenName", "李明");
    appeal.put("citizenPhone", "13912345678");
    appeal.put("appealType", "complaint");
    appeal.put("urgency", "normal");
    appeal.put("area", "district-a");
    appeal.put("category", "housing");
    appeal.put("content", "小区电梯停运两周，物业不予维修");
    appeal.put("eventDate", "2026-09-28");
    appeal.put("eventLocation", "幸福路 8 号幸福小区 3 栋");
    appeal.put("peopleInvolved", "3 栋全体住户，物业经理");
    appeal.put("target", "幸福小区物业服务中心");
    appeal.put("reason", "电梯故障两周未修，老人无法下楼");
    appeal.put("evidence", "报修单号 WX-0915，录音两段");
    return appeal;
  }

  /** Only the fields every type needs. */
  static ObjectNode minimal(String type) {
    ObjectNode appeal = validComplaint().put("appealType", type);
    for (String field : EVENT_FIELDS) {
      appeal.remove(field);
    }
    for (String field : AGAINST_FIELDS) {
      appeal.remove(field);
    }
    return appeal;
  }

  private ResultActions post(ObjectNode appeal) throws Exception {
    return mvc.perform(MockMvcRequestBuilders.post("/api/hotline/appeals")
        .contentType(MediaType.APPLICATION_JSON).content(appeal.toString()));
  }

  private void givenStarted() {
    given(intake.receive(any())).willReturn(new HotlineIntakeService.Receipt("RX2609300001", "pi-1",
        OffsetDateTime.parse("2026-09-30T10:00+08:00"), 7, null));
  }

  private void assertRejected(ObjectNode appeal, String... fields) throws Exception {
    String body = post(appeal)
        .andExpect(status().isBadRequest())
        .andExpect(header().string("Content-Type", "application/problem+json"))
        .andExpect(jsonPath("$.status").value(400))
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    List<String> named = JsonPath.read(body, "$.errors[*].field");
    assertThat(Set.copyOf(named)).containsExactlyInAnyOrder(fields);
    List<String> messages = JsonPath.read(body, "$.errors[*].message");
    assertThat(messages).allSatisfy(message -> assertThat(message).isNotBlank());
    then(intake).should(never()).receive(any());
  }

  private AppealRequest received() {
    ArgumentCaptor<AppealRequest> received = ArgumentCaptor.forClass(AppealRequest.class);
    then(intake).should().receive(received.capture());
    return received.getValue();
  }

  @Test
  void shouldAnswerCreatedWithCaseNumberAndLocationForAValidComplaint() throws Exception {
    // given
    givenStarted();

    // when / then
    post(validComplaint())
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", endsWith("/api/cases/RX2609300001")))
        .andExpect(jsonPath("$.caseNumber").value("RX2609300001"))
        .andExpect(jsonPath("$.processInstanceId").value("pi-1"))
        .andExpect(jsonPath("$.receivedAt").value("2026-09-30T10:00:00+08:00"))
        .andExpect(jsonPath("$.handlingWorkdays").value(7))
        .andExpect(jsonPath("$.handlingHours").doesNotExist());
    assertThat(received().toVariables())
        .containsEntry(HotlineVariables.CITIZEN_NAME, "李明")
        .containsEntry(HotlineVariables.CITIZEN_PHONE, "13912345678")
        .containsEntry(HotlineVariables.CONFIDENTIAL, false)
        .containsEntry(HotlineVariables.APPEAL_TYPE, "complaint")
        .containsEntry(HotlineVariables.URGENCY, "normal")
        .containsEntry(HotlineVariables.AREA, "district-a")
        .containsEntry(HotlineVariables.CATEGORY, "housing")
        .containsEntry(HotlineVariables.EVENT_DATE, "2026-09-28")
        .containsEntry(HotlineVariables.TARGET, "幸福小区物业服务中心")
        .containsEntry(HotlineVariables.EVIDENCE, "报修单号 WX-0915，录音两段");
  }

  @Test
  void shouldWriteExactlyTheVariablesOfTheTasklistStartForm() throws Exception {
    // given
    JsonNode form = JSON.readTree(Path.of("forms/hotline12345/StartEvent_AppealReceived.form").toFile());
    Set<String> formKeys = new HashSet<>(form.findValuesAsText("key"));
    givenStarted();

    // when
    post(validComplaint().put("confidential", false)).andExpect(status().isCreated());

    // then
    assertThat(received().toVariables().keySet()).containsExactlyInAnyOrderElementsOf(formKeys);
  }

  @Test
  void shouldNameEveryFieldEveryTypeRequires() throws Exception {
    assertRejected(JSON.createObjectNode(), "citizenName", "citizenPhone", "appealType", "urgency", "area",
        "category", "content");
  }

  @ParameterizedTest
  @ValueSource(strings = {"consultation", "suggestion"})
  void shouldAcceptConsultationsAndSuggestionsWithoutEventOrTarget(String type) throws Exception {
    // given
    givenStarted();

    // when / then
    post(minimal(type)).andExpect(status().isCreated());
    assertThat(received().toVariables())
        .containsEntry(HotlineVariables.APPEAL_TYPE, type)
        .containsEntry(HotlineVariables.EVENT_DATE, null)
        .containsEntry(HotlineVariables.TARGET, null);
  }

  @Test
  void shouldRequireEventDateLocationAndPeopleForAHelpRequest() throws Exception {
    assertRejected(minimal("help"), EVENT_FIELDS);
  }

  @Test
  void shouldAcceptAHelpRequestWithItsEventButNoTarget() throws Exception {
    givenStarted();
    ObjectNode help = minimal("help").put("eventDate", "2026-09-29").put("eventLocation", "幸福路口")
        .put("peopleInvolved", "独居老人一名");
    post(help).andExpect(status().isCreated());
  }

  @ParameterizedTest
  @ValueSource(strings = {"complaint", "report"})
  void shouldRequireTheEventAndTargetReasonEvidenceForComplaintsAndReports(String type) throws Exception {
    assertRejected(minimal(type), "eventDate", "eventLocation", "peopleInvolved", "target", "reason", "evidence");
  }

  @Test
  void shouldTreatBlankTextAsMissing() throws Exception {
    assertRejected(validComplaint().put("eventLocation", "  ").put("evidence", "").put("content", " "),
        "eventLocation", "evidence", "content");
  }

  @Test
  void shouldAcceptAnAnonymousReportAndAlwaysKeepItConfidential() throws Exception {
    // given: a 举报 without the reporter's name, not asking for confidentiality
    givenStarted();
    ObjectNode report = validComplaint().put("appealType", "report").put("confidential", false);
    report.remove("citizenName");

    // when / then
    post(report).andExpect(status().isCreated());
    assertThat(received().toVariables())
        .containsEntry(HotlineVariables.CITIZEN_NAME, null)
        .containsEntry(HotlineVariables.CONFIDENTIAL, true);
  }

  @Test
  void shouldKeepAnyCitizenConfidentialWhoAsks() throws Exception {
    givenStarted();
    post(minimal("consultation").put("confidential", true)).andExpect(status().isCreated());
    assertThat(received().toVariables()).containsEntry(HotlineVariables.CONFIDENTIAL, true);
  }

  @Test
  void shouldRequireTheNameOfAComplainant() throws Exception {
    ObjectNode complaint = validComplaint();
    complaint.remove("citizenName");
    assertRejected(complaint, "citizenName");
  }

  @Test
  void shouldRejectUnknownCodes() throws Exception {
    ObjectNode appeal = validComplaint().put("appealType", "praise").put("urgency", "asap")
        .put("area", "District A").put("category", "住房");
    assertRejected(appeal, "appealType", "urgency", "area", "category");
  }

  @ParameterizedTest
  @ValueSource(strings = {"12812345678", "1391234567", "12345", "", "phone"})
  void shouldRejectAMissingOrMalformedPhone(String phone) throws Exception {
    assertRejected(validComplaint().put("citizenPhone", phone), "citizenPhone");
  }

  @ParameterizedTest
  @ValueSource(strings = {"13912345678", "+86 13912345678", "010-12345678", "0571-8765432-801"})
  void shouldAcceptMobileAndLandlineNumbers(String phone) throws Exception {
    givenStarted();
    post(validComplaint().put("citizenPhone", phone)).andExpect(status().isCreated());
  }

  @Test
  void shouldRejectMalformedAndHugeCodesWithoutOverflowingTheStack() throws Exception {
    assertRejected(validComplaint().put("area", "district--a"), "area");
    assertRejected(validComplaint().put("area", "district-a-"), "area");
    // the fuzzed intake found it: a 1 MB code of dashed words overflowed the regular expression's recursion (500)
    assertRejected(validComplaint().put("category", "a-".repeat(500_000) + "a"), "category");
  }

  @Test
  void shouldRejectAnEventDateOutsideTheCalendarYears() throws Exception {
    assertRejected(validComplaint().put("eventDate", "-10089493-01-01"), "eventDate");
  }

  @Test
  void shouldRejectAnEventInTheFuture() throws Exception {
    assertRejected(validComplaint().put("eventDate", LocalDate.now().plusDays(2).toString()), "eventDate");
  }

  @Test
  void shouldNameAMalformedDate() throws Exception {
    assertRejected(validComplaint().put("eventDate", "2026-13-45"), "eventDate");
  }

  @Test
  void shouldRejectOverlongText() throws Exception {
    assertRejected(validComplaint().put("citizenName", "李".repeat(101)).put("content", "梯".repeat(4001))
        .put("target", "物".repeat(501)).put("evidence", "证".repeat(4001)), "citizenName", "content", "target", "evidence");
  }
}
