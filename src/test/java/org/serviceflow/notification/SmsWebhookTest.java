package org.serviceflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** SMS through a webhook: {@link SmsGatewayStub} on 127.0.0.1 stands in for the operator's gateway. */
class SmsWebhookTest extends NotificationSpringTest {

  private static final String CASE = "TS2611-0500";
  private static final Map<String, Object> PARAMS = Map.of("taskName", "核实投诉", "dueDate", "2026-11-05 17:30");

  static final SmsGatewayStub gateway = new SmsGatewayStub();

  @DynamicPropertySource
  static void smsGateway(DynamicPropertyRegistry registry) {
    gateway.register(registry);
  }

  @BeforeEach
  void answerNormally() {
    gateway.answerNormally();
  }

  @Test
  void shouldPostTheMessageAsJsonWithTheBearerToken() throws Exception {
    // given
    notifications.toCustomer(CASE, "common.deadlineOverdue", PARAMS, null, "13800000000");
    Notification queued = onlyRow();
    assertThat(queued.getStatus()).isEqualTo(NotificationStatus.PENDING);

    // when
    int delivered = dispatcher.dispatchDue();

    // then
    assertThat(delivered).isEqualTo(1);
    assertThat(gateway.requests).hasSize(1);
    SmsGatewayStub.Received request = gateway.requests.get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.contentType()).startsWith("application/json");
    assertThat(request.authorization()).isEqualTo("Bearer gateway-secret");
    JsonNode json = new ObjectMapper().readTree(request.body());
    assertThat(json.get("phone").asText()).isEqualTo("13800000000");
    assertThat(json.get("text").asText())
        .isEqualTo("工单 TS2611-0500 的任务“核实投诉”已于 2026-11-05 17:30 超过办理时限，请立即处理，并在办理意见中说明超期原因。");
    assertThat(json.get("reference").asText()).isEqualTo(String.valueOf(queued.getId()));
    assertThat(json.size()).isEqualTo(3);
    assertThat(onlyRow().getStatus()).isEqualTo(NotificationStatus.SENT);
  }

  @Test
  void shouldRetryWhenTheGatewayAnswersAnError() {
    // given a gateway answering 500
    gateway.answerStatus = 500;
    notifications.toCustomer(CASE, "common.deadlineOverdue", PARAMS, null, "13800000000");

    // when
    assertThat(dispatcher.dispatchDue()).isZero();

    // then the message waits for its next attempt
    Notification waiting = onlyRow();
    assertThat(waiting.getStatus()).isEqualTo(NotificationStatus.PENDING);
    assertThat(waiting.getAttempts()).isEqualTo(1);
    assertThat(waiting.getNextAttemptAt()).isEqualTo(T0.plusSeconds(30));
    assertThat(waiting.getLastError()).contains("HTTP 500");

    // when the gateway recovers and the back-off has passed
    gateway.answerStatus = 202;
    advanceClock(Duration.ofSeconds(30));
    int delivered = dispatcher.dispatchDue();

    // then it is sent on the second request
    assertThat(delivered).isEqualTo(1);
    assertThat(gateway.requests).hasSize(2);
    assertThat(onlyRow().getStatus()).isEqualTo(NotificationStatus.SENT);
  }

  @Test
  void shouldRetryWhenTheGatewayDoesNotAnswerInTime() {
    // given a gateway slower than the 1 s timeout
    gateway.answerDelayMillis = 2000;
    notifications.toCustomer(CASE, "common.deadlineOverdue", PARAMS, null, "13800000000");

    // when
    int delivered = dispatcher.dispatchDue();

    // then
    assertThat(delivered).isZero();
    Notification waiting = onlyRow();
    assertThat(waiting.getStatus()).isEqualTo(NotificationStatus.PENDING);
    assertThat(waiting.getAttempts()).isEqualTo(1);
    assertThat(waiting.getLastError()).containsIgnoringCase("timed out");
  }

  @Test
  void shouldDeliverEveryMessageOnceAfterTenMinutesWithoutMailServerAndWithAFailingGateway() throws Exception {
    // given: 20 customers to be told by e-mail and by SMS, while the mail server is down and the gateway answers 500
    for (int i = 0; i < 20; i++) {
      notifications.toCustomer("TS2611-07%02d".formatted(i), "common.deadlineOverdue", PARAMS,
          "kunde%02d@example.com".formatted(i), "1390000%04d".formatted(i));
    }
    greenMail.stop();
    gateway.answerStatus = 500;

    // when: the dispatcher runs every 10 s for 10 minutes (as the scheduled dispatch does)
    for (int second = 0; second < 600; second += 10) {
      dispatcher.dispatchDue();
      if (second == 300) {
        // then, halfway: an administrator sees all 40 waiting, each with its attempts and last error
        String waiting = mvc.perform(asAdmin(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
            .get("/api/notifications").param("status", "PENDING"))).andReturn().getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        JsonNode list = new ObjectMapper().readTree(waiting);
        assertThat(list).hasSize(40);
        assertThat(list.findValuesAsText("attempts")).as("tried at 0, 30, 90, 210 s").containsOnly("4");
        assertThat(list).filteredOn(n -> n.get("channel").asText().equals("SMS"))
            .hasSize(20).allSatisfy(n -> assertThat(n.get("lastError").asText()).contains("HTTP 500"));
        assertThat(list).filteredOn(n -> n.get("channel").asText().equals("EMAIL"))
            .hasSize(20).allSatisfy(n -> assertThat(n.get("lastError").asText()).isNotBlank());
      }
      advanceClock(Duration.ofSeconds(10));
    }
    assertThat(rows()).as("nothing is given up during the outage")
        .allSatisfy(n -> assertThat(n.getStatus()).isEqualTo(NotificationStatus.PENDING));

    // when: both come back, and the dispatcher goes on for another 10 minutes
    greenMail.start();
    gateway.answerStatus = 200;
    for (int second = 600; second < 1200; second += 10) {
      dispatcher.dispatchDue();
      advanceClock(Duration.ofSeconds(10));
    }

    // then: every message was delivered exactly once, at the first attempt after the outage (930 s), the 6th
    assertThat(rows()).hasSize(40).allSatisfy(n -> {
      assertThat(n.getStatus()).isEqualTo(NotificationStatus.SENT);
      assertThat(n.getAttempts()).isEqualTo(6);
      assertThat(n.getSentAt()).isEqualTo(T0.plusSeconds(930));
    });
    assertThat(java.util.Arrays.stream(greenMail.getReceivedMessages()).map(m -> {
      try {
        return m.getAllRecipients()[0].toString();
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    })).hasSize(20).doesNotHaveDuplicates();
    assertThat(gateway.requests).filteredOn(r -> r.answeredStatus() == 200)
        .extracting(r -> new ObjectMapper().readTree(r.body()).get("phone").asText())
        .hasSize(20).doesNotHaveDuplicates();
    assertThat(gateway.requests).as("5 refused attempts per SMS during the outage")
        .filteredOn(r -> r.answeredStatus() == 500).hasSize(100);
  }
}
