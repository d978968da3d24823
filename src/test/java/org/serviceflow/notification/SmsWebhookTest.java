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
}
