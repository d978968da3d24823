package org.serviceflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class NotificationOutboxTest extends NotificationSpringTest {

  private static final String CASE = "TS2611-0001";
  private static final String CUSTOMER_MAIL = "citizen@example.test";
  private static final Map<String, Object> PARAMS =
      Map.of("taskName", "核实投诉", "dueDate", Date.from(Instant.parse("2026-11-05T09:30:00Z")));

  @Test
  void shouldWriteNothingAndSendNothingWhenTheStepRollsBack() {
    // given a step that notifies and then rolls back
    transaction().executeWithoutResult(status -> {
      notifications.toCustomer(CASE, "common.deadlineWarning", PARAMS, CUSTOMER_MAIL, "13800000000");
      assertThat(outbox.count()).isEqualTo(2); // written inside the step's transaction
      status.setRollbackOnly();
    });

    // when
    int delivered = dispatcher.dispatchDue();

    // then
    assertThat(rows()).isEmpty();
    assertThat(delivered).isZero();
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void shouldRetryWhileTheMailServerIsDownAndDeliverExactlyOnceWhenItIsBack() throws Exception {
    // given a committed message and no mail server
    notifications.toCustomer(CASE, "common.deadlineWarning", PARAMS, CUSTOMER_MAIL, null);
    greenMail.stop();

    // when the dispatcher tries
    assertThat(dispatcher.dispatchDue()).isZero();

    // then the message waits for its next attempt after the 30 s back-off
    Notification waiting = onlyRow();
    assertThat(waiting.getStatus()).isEqualTo(NotificationStatus.PENDING);
    assertThat(waiting.getAttempts()).isEqualTo(1);
    assertThat(waiting.getNextAttemptAt()).isEqualTo(T0.plusSeconds(30));
    assertThat(waiting.getLastError()).isNotBlank();

    // when the server is back, but the back-off has not passed
    greenMail.start();
    assertThat(dispatcher.dispatchDue()).isZero();
    assertThat(greenMail.getReceivedMessages()).isEmpty();

    // when the back-off has passed and the dispatcher runs twice
    advanceClock(Duration.ofSeconds(31));
    int first = dispatcher.dispatchDue();
    int second = dispatcher.dispatchDue();

    // then exactly one mail arrived
    assertThat(first).isEqualTo(1);
    assertThat(second).isZero();
    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getSubject()).isEqualTo("【TS2611-0001】办理时限预警：核实投诉");
    assertThat(((String) received[0].getContent()).trim())
        .isEqualTo("工单 TS2611-0001 的任务“核实投诉”将于 2026-11-05 17:30 到期，目前尚未办结，请尽快处理。");
    assertThat(received[0].getAllRecipients()).containsExactly(new InternetAddress(CUSTOMER_MAIL));
    assertThat(received[0].getFrom()).containsExactly(new InternetAddress("serviceflow@localhost"));
    Notification sent = onlyRow();
    assertThat(sent.getStatus()).isEqualTo(NotificationStatus.SENT);
    assertThat(sent.getAttempts()).isEqualTo(2);
    assertThat(sent.getSentAt()).isEqualTo(T0.plusSeconds(31));
  }

  @Test
  void shouldEndFailedWithTheLastErrorWhenTheChannelKeepsFailingAndSendAfterAnAdminRetry() throws Exception {
    // given a message and a mail server that stays down for all 8 attempts
    notifications.toCustomer(CASE, "common.deadlineOverdue", PARAMS, CUSTOMER_MAIL, null);
    greenMail.stop();
    for (int attempt = 1; attempt <= 8; attempt++) {
      dispatcher.dispatchDue();
      advanceClock(Duration.ofHours(2));
    }

    // then it is FAILED, keeps its last error, and is not tried again
    Notification failed = onlyRow();
    assertThat(failed.getStatus()).isEqualTo(NotificationStatus.FAILED);
    assertThat(failed.getAttempts()).isEqualTo(8);
    assertThat(failed.getNextAttemptAt()).isNull();
    assertThat(failed.getLastError()).contains("Connection refused");
    advanceClock(Duration.ofDays(1));
    greenMail.start();
    assertThat(dispatcher.dispatchDue()).isZero();
    assertThat(greenMail.getReceivedMessages()).isEmpty();

    // and an admin sees it
    mvc.perform(asAdmin(get("/api/notifications").param("status", "FAILED")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(1))
        .andExpect(jsonPath("$[0].id").value(failed.getId()))
        .andExpect(jsonPath("$[0].caseNumber").value(CASE))
        .andExpect(jsonPath("$[0].channel").value("EMAIL"))
        .andExpect(jsonPath("$[0].recipient").value(CUSTOMER_MAIL))
        .andExpect(jsonPath("$[0].status").value("FAILED"))
        .andExpect(jsonPath("$[0].attempts").value(8))
        .andExpect(jsonPath("$[0].lastError").value(containsString("Connection refused")));

    // when the admin re-queues it
    mvc.perform(asAdmin(post("/api/notifications/{id}/retry", failed.getId())))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("PENDING"))
        .andExpect(jsonPath("$.attempts").value(0));
    int delivered = dispatcher.dispatchDue();

    // then it is sent once, and a sent message cannot be re-queued
    assertThat(delivered).isEqualTo(1);
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
    assertThat(onlyRow().getStatus()).isEqualTo(NotificationStatus.SENT);
    mvc.perform(asAdmin(post("/api/notifications/{id}/retry", failed.getId())))
        .andExpect(status().isConflict());
    mvc.perform(asAdmin(post("/api/notifications/{id}/retry", failed.getId() + 1000)))
        .andExpect(status().isNotFound());
  }

  @Test
  void shouldRefuseTheOutboxToStaffWhoAreNotAdmins() throws Exception {
    notifications.toCustomer(CASE, "common.deadlineOverdue", PARAMS, CUSTOMER_MAIL, null);
    long id = onlyRow().getId();

    mvc.perform(as(KEFU1, "demo", get("/api/notifications").param("status", "FAILED")))
        .andExpect(status().isForbidden());
    mvc.perform(as(KEFU1, "demo", post("/api/notifications/{id}/retry", id)))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/notifications")).andExpect(status().isUnauthorized());
    assertThat(onlyRow().getStatus()).isEqualTo(NotificationStatus.PENDING);
  }

  @Test
  void shouldTakeBackAMessageLeftSendingByACrashedNode() throws Exception {
    // given a message claimed by a node that died before marking it
    notifications.toCustomer(CASE, "common.deadlineOverdue", PARAMS, CUSTOMER_MAIL, null);
    long id = onlyRow().getId();
    transaction().executeWithoutResult(status -> assertThat(outbox.claim(id, "crashed-node", T0)).isEqualTo(1));

    // when the sending timeout (5 min) has not passed, nobody touches it
    advanceClock(Duration.ofMinutes(4));
    assertThat(dispatcher.dispatchDue()).isZero();
    assertThat(onlyRow().getStatus()).isEqualTo(NotificationStatus.SENDING);

    // when it has passed
    advanceClock(Duration.ofMinutes(2));
    int delivered = dispatcher.dispatchDue();

    // then another run sends it, counting the lost attempt
    assertThat(delivered).isEqualTo(1);
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
    Notification sent = onlyRow();
    assertThat(sent.getStatus()).isEqualTo(NotificationStatus.SENT);
    assertThat(sent.getAttempts()).isEqualTo(2);
    assertThat(sent.getLastError()).isEqualTo(NotificationDispatcher.STALE_ERROR);
  }

  @Test
  void shouldSendEachMessageOnceWhenTwoNodesDispatchAtTheSameTime() throws Exception {
    // given 20 messages
    for (int i = 0; i < 20; i++) {
      notifications.toCustomer("TS2611-" + (100 + i), "common.deadlineOverdue", PARAMS, "c" + i + "@example.test", null);
    }

    // when two dispatchers run at once
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    CountDownLatch go = new CountDownLatch(1);
    Callable<Integer> node = () -> {
      go.await();
      return dispatcher.dispatchDue();
    };
    List<Future<Integer>> runs = new ArrayList<>(List.of(nodes.submit(node), nodes.submit(node)));
    go.countDown();
    int delivered = 0;
    for (Future<Integer> run : runs) {
      delivered += run.get();
    }
    nodes.shutdown();

    // then every message went out once
    assertThat(delivered).isEqualTo(20);
    assertThat(greenMail.getReceivedMessages()).hasSize(20);
    assertThat(rows()).allSatisfy(row -> assertThat(row.getStatus()).isEqualTo(NotificationStatus.SENT));
  }

  @Test
  void shouldWriteSmsAsSkippedWithTheReasonWhenNoWebhookIsConfigured() {
    // when a customer with e-mail and phone is notified
    notifications.toCustomer(CASE, "common.deadlineOverdue", PARAMS, CUSTOMER_MAIL, " 13800000000 ");
    int delivered = dispatcher.dispatchDue();

    // then the e-mail goes out and the SMS is kept as SKIPPED, saying why
    assertThat(delivered).isEqualTo(1);
    Notification sms = outbox.findByCaseNumberOrderByIdAsc(CASE).stream()
        .filter(row -> row.getChannel() == Channel.SMS).findFirst().orElseThrow();
    assertThat(sms.getRecipient()).isEqualTo("13800000000");
    assertThat(sms.getStatus()).isEqualTo(NotificationStatus.SKIPPED);
    assertThat(sms.getLastError()).contains("serviceflow.notification.sms.webhook-url");
    assertThat(sms.getBody()).startsWith("工单 TS2611-0001 的任务“核实投诉”已于 2026-11-05 17:30 超过办理时限");
  }

  @Test
  void shouldRejectAnUnknownTemplateWhenEnqueuingAndWriteNothing() {
    assertThatThrownBy(() -> notifications.toCustomer(CASE, "complaint.noSuchTemplate", PARAMS, CUSTOMER_MAIL, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("complaint.noSuchTemplate");
    assertThat(rows()).isEmpty();
  }
}
