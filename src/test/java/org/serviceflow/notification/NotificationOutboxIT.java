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

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

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
}
