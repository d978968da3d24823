package org.serviceflow.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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

/** The intake API's web layer: field errors as problem details, and a 201 for a valid complaint. */
@WebMvcTest(ComplaintIntakeController.class)
@AutoConfigureMockMvc(addFilters = false)
@ActiveProfiles("test")
class ComplaintIntakeControllerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  private MockMvc mvc;

  @MockitoBean
  private ComplaintIntakeService intake;

  static ObjectNode validComplaint() {
    ObjectNode complaint = JSON.createObjectNode();
    complaint.put("customerName", "张伟");
    complaint.put("customerPhone", "13812345678");
    complaint.put("customerEmail", "zhang.wei@example.com");
    complaint.put("customerTier", "A");
    complaint.put("productOrOrderNo", "SO-2026-0042");
    complaint.put("content", "新买的净水器漏水");
    complaint.put("occurredOn", "2026-09-28");
    complaint.put("channel", "phone");
    complaint.put("category", "product-quality");
    complaint.put("severity", "general");
    complaint.put("againstStaff", false);
    return complaint;
  }

  private ResultActions post(ObjectNode complaint) throws Exception {
    return mvc.perform(MockMvcRequestBuilders.post("/api/complaints")
        .contentType(MediaType.APPLICATION_JSON).content(complaint.toString()));
  }

  private void assertRejected(ObjectNode complaint, String... fields) throws Exception {
    String body = post(complaint)
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

  @Test
  void shouldAnswerCreatedWithCaseNumberAndLocationForAValidComplaint() throws Exception {
    // given
    given(intake.receive(any())).willReturn(new ComplaintIntakeService.Receipt("TS2609001", "pi-1"));

    // when / then
    post(validComplaint())
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", endsWith("/api/cases/TS2609001")))
        .andExpect(jsonPath("$.caseNumber").value("TS2609001"))
        .andExpect(jsonPath("$.processInstanceId").value("pi-1"));
    ArgumentCaptor<ComplaintRequest> received = ArgumentCaptor.forClass(ComplaintRequest.class);
    then(intake).should().receive(received.capture());
    assertThat(received.getValue().toVariables())
        .containsEntry(ComplaintVariables.CUSTOMER_NAME, "张伟")
        .containsEntry(ComplaintVariables.OCCURRED_ON, "2026-09-28")
        .containsEntry(ComplaintVariables.CATEGORY, "product-quality")
        .containsEntry(ComplaintVariables.AGAINST_STAFF, false)
        .containsEntry(ComplaintVariables.STAFF_NAME, null);
  }

  @Test
  void shouldPassTheStaffMemberOfAComplaintAgainstStaffAndLeaveBlankContactsUnset() throws Exception {
    // given
    given(intake.receive(any())).willReturn(new ComplaintIntakeService.Receipt("TS2609002", "pi-2"));
    ObjectNode complaint = validComplaint().put("againstStaff", true).put("staffName", "  李雷 ")
        .put("category", "staff-attitude").put("customerPhone", "");

    // when
    post(complaint).andExpect(status().isCreated());

    // then
    ArgumentCaptor<ComplaintRequest> received = ArgumentCaptor.forClass(ComplaintRequest.class);
    then(intake).should().receive(received.capture());
    assertThat(received.getValue().toVariables())
        .containsEntry(ComplaintVariables.AGAINST_STAFF, true)
        .containsEntry(ComplaintVariables.STAFF_NAME, "李雷")
        .containsEntry(ComplaintVariables.CUSTOMER_PHONE, null)
        .containsEntry(ComplaintVariables.CUSTOMER_EMAIL, "zhang.wei@example.com");
  }

  @Test
  void shouldNameEveryMissingRequiredField() throws Exception {
    assertRejected(JSON.createObjectNode(), "customerName", "customerPhone", "customerEmail", "customerTier",
        "content", "occurredOn", "channel", "category", "severity");
  }

  @Test
  void shouldRejectMalformedPhoneAndEmail() throws Exception {
    ObjectNode complaint = validComplaint().put("customerPhone", "12345").put("customerEmail", "not-an-address");
    assertRejected(complaint, "customerPhone", "customerEmail");
  }

  @ParameterizedTest
  @ValueSource(strings = {"13812345678", "+86 13812345678", "010-12345678", "0571-8765432", "02112345678",
      "0755-12345678-801"})
  void shouldAcceptMainlandMobileAndLandlineNumbers(String phone) throws Exception {
    given(intake.receive(any())).willReturn(new ComplaintIntakeService.Receipt("TS2609001", "pi-1"));
    post(validComplaint().put("customerPhone", phone)).andExpect(status().isCreated());
  }

  @ParameterizedTest
  @ValueSource(strings = {"12812345678", "1381234567", "138123456789", "12345678", "010-123", "phone"})
  void shouldRejectNumbersThatAreNeitherMobileNorLandline(String phone) throws Exception {
    assertRejected(validComplaint().put("customerPhone", phone), "customerPhone");
  }

  @Test
  void shouldAcceptEmailAloneAsContact() throws Exception {
    given(intake.receive(any())).willReturn(new ComplaintIntakeService.Receipt("TS2609001", "pi-1"));
    ObjectNode complaint = validComplaint();
    complaint.remove("customerPhone");
    post(complaint).andExpect(status().isCreated());
  }

  @Test
  void shouldRequireAPhoneOrAnEmail() throws Exception {
    ObjectNode complaint = validComplaint().put("customerPhone", " ");
    complaint.remove("customerEmail");
    assertRejected(complaint, "customerPhone", "customerEmail");
  }

  @Test
  void shouldRejectUnknownCodes() throws Exception {
    ObjectNode complaint = validComplaint().put("customerTier", "D").put("channel", "fax")
        .put("category", "weather").put("severity", "huge");
    assertRejected(complaint, "customerTier", "channel", "category", "severity");
  }

  @Test
  void shouldRequireTheStaffNameWhenTheComplaintIsAgainstStaff() throws Exception {
    assertRejected(validComplaint().put("againstStaff", true), "staffName");
  }

  @Test
  void shouldRejectAnEventInTheFuture() throws Exception {
    assertRejected(validComplaint().put("occurredOn", LocalDate.now().plusDays(2).toString()), "occurredOn");
  }

  @Test
  void shouldNameAMalformedDate() throws Exception {
    assertRejected(validComplaint().put("occurredOn", "2026-13-45"), "occurredOn");
  }

  @Test
  void shouldRejectOverlongText() throws Exception {
    assertRejected(validComplaint().put("customerName", "张".repeat(101)).put("content", "漏".repeat(4001)),
        "customerName", "content");
  }
}
