package org.serviceflow.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.serviceflow.notification.NotificationDispatcher;
import org.serviceflow.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The complaint process on the whole application and a real PostgreSQL: intake through
 * POST /api/complaints, every task through the engine REST API as the demo user of its group,
 * the case file and timeline through /api/cases, and the customer's e-mails through GreenMail.
 */
@PostgresIntegrationTest
class ComplaintProcessIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "demo";
  static final String CLERK = "kefu1";

  /** A free loopback port, chosen up front: the Spring context may be built before GreenMail starts. */
  private static final ServerSetup SMTP = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(SMTP).withPerMethodLifecycle(false);

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", SMTP::getBindAddress);
    registry.add("spring.mail.port", SMTP::getPort);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Autowired
  private TestRestTemplate rest;

  @Autowired
  private JdbcTemplate jdbc;

  @Autowired
  private NotificationDispatcher dispatcher;

  static ObjectNode complaint(String customerName, String email) {
    ObjectNode complaint = JSON.createObjectNode();
    complaint.put("customerName", customerName);
    complaint.put("customerPhone", "13812345678");
    complaint.put("customerEmail", email);
    complaint.put("customerTier", "A");
    complaint.put("productOrOrderNo", "SO-2026-0042");
    complaint.put("content", "新买的净水器使用三天后漏水，地板被泡坏。");
    complaint.put("occurredOn", "2026-11-20");
    complaint.put("channel", "phone");
    complaint.put("category", "product-quality");
    complaint.put("severity", "general");
    complaint.put("againstStaff", false);
    return complaint;
  }

  private ResponseEntity<String> postComplaint(String user, ObjectNode body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, PASSWORD);
    return client.postForEntity("/api/complaints", new HttpEntity<>(body.toString(), headers), String.class);
  }

  private int rows(String sql, Object... args) {
    return jdbc.queryForObject(sql, Integer.class, args);
  }

  private int complaintInstances() {
    return rows("select count(*) from act_hi_procinst where proc_def_key_ = ?", ComplaintVariables.PROCESS_KEY);
  }

  @Test
  void shouldAnswerBadRequestNamingTheFieldsAndWriteNothingForAMalformedComplaint() throws Exception {
    // given
    int cases = rows("select count(*) from service_case");
    int notifications = rows("select count(*) from notification");
    int instances = complaintInstances();
    ObjectNode malformed = complaint("错误的投诉", "not-an-address")
        .put("customerPhone", "12345").put("category", "weather");
    malformed.remove("content");

    // when
    ResponseEntity<String> response = postComplaint(CLERK, malformed);

    // then
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode problem = JSON.readTree(response.getBody());
    assertThat(problem.path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("category", "content", "customerEmail", "customerPhone");
    assertThat(rows("select count(*) from service_case")).isEqualTo(cases);
    assertThat(rows("select count(*) from service_case where customer_name = ?", "错误的投诉")).isZero();
    assertThat(rows("select count(*) from notification")).isEqualTo(notifications);
    assertThat(complaintInstances()).isEqualTo(instances);
  }

  @Test
  void shouldRefuseAnAnonymousComplaintAndWriteNothing() {
    // given
    int cases = rows("select count(*) from service_case");
    int instances = complaintInstances();

    // when
    ResponseEntity<String> response = postComplaint(null, complaint("匿名", "anonymous@example.com"));

    // then
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rows("select count(*) from service_case")).isEqualTo(cases);
    assertThat(complaintInstances()).isEqualTo(instances);
  }
}
