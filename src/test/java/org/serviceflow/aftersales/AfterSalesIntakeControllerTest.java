package org.serviceflow.aftersales;

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

/** The service-request API's web layer: field errors as problem details, and a 201 for a valid request. */
@WebMvcTest(AfterSalesIntakeController.class)
@AutoConfigureMockMvc(addFilters = false)
@ActiveProfiles("test")
class AfterSalesIntakeControllerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AfterSalesIntakeService.Receipt RECEIPT =
      new AfterSalesIntakeService.Receipt("SH26110001", "pi-1", false, null);

  @Autowired
  private MockMvc mvc;

  @MockitoBean
  private AfterSalesIntakeService intake;

  static ObjectNode validRequest() {
    ObjectNode request = JSON.createObjectNode();
    request.put("customerName", "李明");
    request.put("customerPhone", "13912345678");
    request.put("customerEmail", "li.ming@example.com");
    request.put("address", "上海市浦东新区世纪大道 100 号 1201 室");
    request.put("productLine", "appliance");
    request.put("productModel", "JSQ-500");
    request.put("serialNumber", "JSQ500-2026-00042");
    request.put("purchaseDate", "2026-05-10");
    request.put("proofOfPurchase", "FP-2026-0510-77");
    request.put("serviceType", "repair");
    request.put("faultDescription", "净水器出水很慢，滤芯指示灯一直闪烁");
    request.put("urgency", "normal");
    return request;
  }

  private ResultActions post(ObjectNode request) throws Exception {
    return mvc.perform(MockMvcRequestBuilders.post("/api/service-requests")
        .contentType(MediaType.APPLICATION_JSON).content(request.toString()));
  }

  private void assertRejected(ObjectNode request, String... fields) throws Exception {
    String body = post(request)
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

  private void assertAccepted(ObjectNode request) throws Exception {
    given(intake.receive(any())).willReturn(RECEIPT);
    post(request).andExpect(status().isCreated());
    then(intake).should().receive(any());
  }

  @Test
  void shouldAnswerCreatedWithServiceOrderNumberAndLocationForAValidRequest() throws Exception {
    // given
    given(intake.receive(any())).willReturn(RECEIPT);

    // when / then
    post(validRequest())
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", endsWith("/api/cases/SH26110001")))
        .andExpect(jsonPath("$.caseNumber").value("SH26110001"))
        .andExpect(jsonPath("$.processInstanceId").value("pi-1"))
        .andExpect(jsonPath("$.repeatRepair").value(false));
    ArgumentCaptor<ServiceRequest> received = ArgumentCaptor.forClass(ServiceRequest.class);
    then(intake).should().receive(received.capture());
    assertThat(received.getValue().toVariables())
        .containsEntry(AfterSalesVariables.CUSTOMER_NAME, "李明")
        .containsEntry(AfterSalesVariables.CUSTOMER_PHONE, "13912345678")
        .containsEntry(AfterSalesVariables.ADDRESS, "上海市浦东新区世纪大道 100 号 1201 室")
        .containsEntry(AfterSalesVariables.PRODUCT_LINE, "appliance")
        .containsEntry(AfterSalesVariables.SERIAL_NUMBER, "JSQ500-2026-00042")
        .containsEntry(AfterSalesVariables.PURCHASE_DATE, "2026-05-10")
        .containsEntry(AfterSalesVariables.PROOF_OF_PURCHASE, "FP-2026-0510-77")
        .containsEntry(AfterSalesVariables.SERVICE_TYPE, "repair")
        .containsEntry(AfterSalesVariables.URGENCY, "normal")
        .containsEntry(AfterSalesVariables.REGION, "other")
        .hasSize(13);
  }

  @Test
  void shouldPassTheRegionOnToTheDispatchDecision() throws Exception {
    // given
    given(intake.receive(any())).willReturn(RECEIPT);

    // when
    post(validRequest().put("region", "district-a")).andExpect(status().isCreated());

    // then
    ArgumentCaptor<ServiceRequest> received = ArgumentCaptor.forClass(ServiceRequest.class);
    then(intake).should().receive(received.capture());
    assertThat(received.getValue().toVariables()).containsEntry(AfterSalesVariables.REGION, "district-a");
  }

  @Test
  void shouldRejectAnUnknownRegion() throws Exception {
    assertRejected(validRequest().put("region", "district-z"), "region");
  }

  @Test
  void shouldTellTheClerkAboutARepeatRepair() throws Exception {
    given(intake.receive(any())).willReturn(new AfterSalesIntakeService.Receipt("SH26110002", "pi-2", true,
        "SH26100007"));
    post(validRequest())
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.repeatRepair").value(true))
        .andExpect(jsonPath("$.earlierCaseNumber").value("SH26100007"));
  }

  @Test
  void shouldNameEveryMissingRequiredField() throws Exception {
    assertRejected(JSON.createObjectNode(), "customerName", "customerPhone", "productLine", "productModel",
        "serviceType", "faultDescription", "urgency");
  }

  @Test
  void shouldRequireSerialNumberPurchaseDateAndAddressForARepair() throws Exception {
    ObjectNode request = validRequest().put("address", " ").put("serialNumber", "");
    request.remove("purchaseDate");
    assertRejected(request, "address", "serialNumber", "purchaseDate");
  }

  @ParameterizedTest
  @ValueSource(strings = {"repair", "installation", "replacement", "return", "maintenance"})
  void shouldRequireTheAddressForEveryTypeThatMayNeedAVisit(String serviceType) throws Exception {
    ObjectNode request = validRequest().put("serviceType", serviceType);
    request.remove("address");
    assertRejected(request, "address");
  }

  @Test
  void shouldNotCheckTypeDependentFieldsOfAnUnknownType() throws Exception {
    ObjectNode request = validRequest().put("serviceType", "wash");
    request.remove("address");
    assertRejected(request, "serviceType");
  }

  @Test
  void shouldAcceptAdviceWithoutSerialNumberPurchaseDateOrAddress() throws Exception {
    // given
    ObjectNode request = validRequest().put("serviceType", "advice").put("urgency", "urgent");
    request.remove("address");
    request.remove("serialNumber");
    request.remove("purchaseDate");
    request.remove("proofOfPurchase");
    request.remove("customerEmail");
    given(intake.receive(any())).willReturn(RECEIPT);

    // when
    post(request).andExpect(status().isCreated());

    // then
    ArgumentCaptor<ServiceRequest> received = ArgumentCaptor.forClass(ServiceRequest.class);
    then(intake).should().receive(received.capture());
    assertThat(received.getValue().toVariables())
        .containsEntry(AfterSalesVariables.SERVICE_TYPE, "advice")
        .containsEntry(AfterSalesVariables.URGENCY, "urgent")
        .containsEntry(AfterSalesVariables.ADDRESS, null)
        .containsEntry(AfterSalesVariables.SERIAL_NUMBER, null)
        .containsEntry(AfterSalesVariables.PURCHASE_DATE, null)
        .containsEntry(AfterSalesVariables.CUSTOMER_EMAIL, null);
  }

  @Test
  void shouldRejectUnknownCodes() throws Exception {
    ObjectNode request = validRequest().put("productLine", "cars").put("serviceType", "wash")
        .put("urgency", "asap");
    assertRejected(request, "productLine", "serviceType", "urgency");
  }

  @Test
  void shouldRejectMalformedPhoneEmailAndSerialNumber() throws Exception {
    ObjectNode request = validRequest().put("customerPhone", "12345").put("customerEmail", "not-an-address")
        .put("serialNumber", "JSQ 500 #42");
    assertRejected(request, "customerPhone", "customerEmail", "serialNumber");
  }

  @ParameterizedTest
  @ValueSource(strings = {"13812345678", "+86 13812345678", "010-12345678", "0571-8765432", "0755-12345678-801"})
  void shouldAcceptMainlandMobileAndLandlineNumbers(String phone) throws Exception {
    assertAccepted(validRequest().put("customerPhone", phone));
  }

  @Test
  void shouldRejectAPurchaseInTheFuture() throws Exception {
    assertRejected(validRequest().put("purchaseDate", LocalDate.now().plusDays(2).toString()), "purchaseDate");
  }

  @Test
  void shouldRejectAPurchaseDateOutsideTheCalendarYears() throws Exception {
    // the fuzzed intake found it: a year Java can parse but not write back as an ISO date answered 500
    assertRejected(validRequest().put("purchaseDate", "-10089493-01-01"), "purchaseDate");
    assertRejected(validRequest().put("purchaseDate", "1899-12-31"), "purchaseDate");
  }

  @Test
  void shouldNameAMalformedDate() throws Exception {
    assertRejected(validRequest().put("purchaseDate", "2026-02-30"), "purchaseDate");
  }

  @Test
  void shouldRejectOverlongText() throws Exception {
    ObjectNode request = validRequest().put("customerName", "李".repeat(101))
        .put("faultDescription", "慢".repeat(4001)).put("address", "路".repeat(301));
    assertRejected(request, "customerName", "faultDescription", "address");
  }
}
