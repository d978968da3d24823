package org.serviceflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
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
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.serviceflow.support.Mails;
import org.serviceflow.support.PostgresIntegrationTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox on a real PostgreSQL server: rollback, one winner per message among concurrent dispatchers, back-off. */
@PostgresIntegrationTest
class NotificationOutboxIT {

  // a free port, not a fixed one: a fixed port in the ephemeral range can be held by an outgoing connection
  private static final int SMTP_PORT = Mails.freePort();
  private static final Instant T0 = Instant.parse("2026-11-02T02:00:00Z");
  private static final Map<String, Object> PARAMS =
      Map.of("taskName", "核实投诉", "dueDate", Date.from(Instant.parse("2026-11-05T09:30:00Z")));

  @RegisterExtension
  static final GreenMailExtension greenMail =
      new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  static final SmsGatewayStub gateway = new SmsGatewayStub();

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
    gateway.register(registry);
  }

  @Autowired
  TestRestTemplate rest;

  @Autowired
  NotificationService notifications;
  @Autowired
  NotificationDispatcher dispatcher;
  @Autowired
  NotificationRepository outbox;
  @Autowired
  PlatformTransactionManager transactionManager;

  @BeforeEach
  void emptyOutboxAndFixClock() {
    gateway.answerNormally();
    outbox.deleteAll();
    ClockUtil.setCurrentTime(Date.from(T0));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldWriteNothingWhenTheStepRollsBack() {
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      notifications.toCustomer("TS2611-0601", "common.deadlineOverdue", PARAMS, "citizen@example.test", null);
      status.setRollbackOnly();
    });

    assertThat(outbox.count()).isZero();
    assertThat(dispatcher.dispatchDue()).isZero();
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void shouldSendEachMessageOnceWhenThreeNodesDispatchAtTheSameTime() throws Exception {
    // given
    for (int i = 0; i < 30; i++) {
      notifications.toCustomer("TS2611-" + (700 + i), "common.deadlineOverdue", PARAMS, "c" + i + "@example.test", null);
    }

    // when
    ExecutorService nodes = Executors.newFixedThreadPool(3);
    CountDownLatch go = new CountDownLatch(1);
    Callable<Integer> node = () -> {
      go.await();
      return dispatcher.dispatchDue();
    };
    List<Future<Integer>> runs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      runs.add(nodes.submit(node));
    }
    go.countDown();
    int delivered = 0;
    for (Future<Integer> run : runs) {
      delivered += run.get();
    }
    nodes.shutdown();

    // then
    assertThat(delivered).isEqualTo(30);
    assertThat(greenMail.getReceivedMessages()).hasSize(30);
    assertThat(outbox.findAll()).allSatisfy(row -> {
      assertThat(row.getStatus()).isEqualTo(NotificationStatus.SENT);
      assertThat(row.getAttempts()).isEqualTo(1);
    });
  }

  @Test
  void shouldKeepTheBackoffWhenAnotherNodeListedTheMessageBeforeItsAttemptFailed() {
    // given: node B lists the message as due, then node A's attempt fails while the mail server is down
    notifications.toCustomer("TS2611-0901", "common.deadlineOverdue", PARAMS, "citizen@example.test", null);
    List<Long> listedByNodeB = outbox.findDueIds(T0, PageRequest.of(0, 50));
    greenMail.stop();
    dispatcher.dispatchDue();
    greenMail.start();

    // when: node B goes on with its list
    Long id = listedByNodeB.get(0);
    Integer claimed = new TransactionTemplate(transactionManager).execute(status -> outbox.claim(id, "node-b", T0));

    // then: the message waits for its back-off instead of being sent again at once
    assertThat(claimed).isZero();
    Notification waiting = outbox.findById(id).orElseThrow();
    assertThat(waiting.getStatus()).isEqualTo(NotificationStatus.PENDING);
    assertThat(waiting.getAttempts()).isEqualTo(1);
    assertThat(waiting.getNextAttemptAt()).isEqualTo(T0.plusSeconds(30));
    assertThat(greenMail.getReceivedMessages()).isEmpty();

    // and: after the back-off it is sent once
    ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofSeconds(30))));
    assertThat(dispatcher.dispatchDue()).isEqualTo(1);
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
  }

  @Test
  void shouldRetryAfterTheBackoffWhileTheMailServerIsDown() {
    // given
    notifications.toCustomer("TS2611-0801", "common.deadlineOverdue", PARAMS, "citizen@example.test", null);
    greenMail.stop();

    // when
    dispatcher.dispatchDue();

    // then
    Notification waiting = outbox.findAll().get(0);
    assertThat(waiting.getStatus()).isEqualTo(NotificationStatus.PENDING);
    assertThat(waiting.getAttempts()).isEqualTo(1);
    assertThat(waiting.getNextAttemptAt()).isEqualTo(T0.plusSeconds(30));

    // when
    greenMail.start();
    ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofSeconds(30))));

    // then
    assertThat(dispatcher.dispatchDue()).isEqualTo(1);
    assertThat(dispatcher.dispatchDue()).isZero();
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
    assertThat(outbox.findAll().get(0).getStatus()).isEqualTo(NotificationStatus.SENT);
  }

  @Test
  void shouldDeliverEveryMessageOnceWhenTwoNodesDispatchThroughTenMinutesWithoutMailServerAndGateway()
      throws Exception {
    // given: 20 customers to be told by e-mail and by SMS, while the mail server is down and the gateway answers 500
    for (int i = 0; i < 20; i++) {
      notifications.toCustomer("TS2611-07%02d".formatted(i), "common.deadlineOverdue", PARAMS,
          "kunde%02d@example.com".formatted(i), "1390000%04d".formatted(i));
    }
    greenMail.stop();
    gateway.answerStatus = 500;
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      // when: two nodes' dispatchers run at the same moment every 10 s for 10 minutes
      for (int second = 0; second < 600; second += 10) {
        dispatchOnTwoNodes(nodes);
        if (second == 300) {
          // then, halfway: an administrator sees all 40 waiting, each with its attempts and last error
          JsonNode waiting = new ObjectMapper().readTree(rest.withBasicAuth("admin", "admin")
              .getForObject("/api/notifications?status=PENDING", String.class));
          assertThat(waiting).hasSize(40);
          assertThat(waiting.findValuesAsText("attempts")).as("tried at 0, 30, 90, 210 s, once each").containsOnly("4");
          assertThat(waiting).filteredOn(n -> n.get("channel").asText().equals("SMS"))
              .hasSize(20).allSatisfy(n -> assertThat(n.get("lastError").asText()).contains("HTTP 500"));
          assertThat(waiting).filteredOn(n -> n.get("channel").asText().equals("EMAIL"))
              .hasSize(20).allSatisfy(n -> assertThat(n.get("lastError").asText()).isNotBlank());
        }
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(10)));
      }
      assertThat(outbox.findAll()).as("nothing is given up during the outage")
          .allSatisfy(n -> assertThat(n.getStatus()).isEqualTo(NotificationStatus.PENDING));

      // when: both come back, and the two nodes go on for another 10 minutes
      greenMail.start();
      gateway.answerStatus = 200;
      for (int second = 600; second < 1200; second += 10) {
        dispatchOnTwoNodes(nodes);
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(10)));
      }
    } finally {
      nodes.shutdown();
    }

    // then: every message was delivered exactly once, at the first attempt after the outage (930 s), the 6th
    assertThat(outbox.findAll()).hasSize(40).allSatisfy(n -> {
      assertThat(n.getStatus()).isEqualTo(NotificationStatus.SENT);
      assertThat(n.getAttempts()).isEqualTo(6);
      assertThat(n.getSentAt()).isEqualTo(T0.plusSeconds(930));
    });
    List<String> mailedTo = new ArrayList<>();
    for (jakarta.mail.internet.MimeMessage message : greenMail.getReceivedMessages()) {
      mailedTo.add(message.getAllRecipients()[0].toString());
    }
    assertThat(mailedTo).hasSize(20).doesNotHaveDuplicates();
    assertThat(gateway.requests).filteredOn(r -> r.answeredStatus() == 200)
        .extracting(r -> new ObjectMapper().readTree(r.body()).get("phone").asText())
        .hasSize(20).doesNotHaveDuplicates();
    assertThat(gateway.requests).as("5 refused attempts per SMS during the outage, none twice")
        .filteredOn(r -> r.answeredStatus() == 500).hasSize(100);
  }

  /** One tick of two nodes: both dispatchers start at the same moment; waits for both. */
  private void dispatchOnTwoNodes(ExecutorService nodes) throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    Callable<Integer> node = () -> {
      go.await();
      return dispatcher.dispatchDue();
    };
    List<Future<Integer>> runs = List.of(nodes.submit(node), nodes.submit(node));
    go.countDown();
    for (Future<Integer> run : runs) {
      run.get();
    }
  }
}
