package org.serviceflow.notification;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.serviceflow.support.Mails;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One Spring context for the notification tests: the whole application (test profile, dispatcher
 * off) sending mail to a real GreenMail SMTP server on 127.0.0.1. Each test starts with an empty
 * outbox and the engine clock fixed at {@link #T0}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class NotificationSpringTest {

  // a free port, not a fixed one: a fixed port in the ephemeral range can be held by an outgoing connection
  static final int SMTP_PORT = Mails.freePort();
  static final Instant T0 = Instant.parse("2026-11-02T02:00:00Z");

  /** Demo users (docs/identity.md, password "demo"): the two members of customer-service (客服部). */
  static final String GROUP = "customer-service";
  static final String KEFU1 = "kefu1";
  static final String KEFU2 = "kefu2";
  static final String DEMO_MAIL_DOMAIN = "@serviceflow.local";

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
  MockMvc mvc;
  @Autowired
  PlatformTransactionManager transactionManager;

  @BeforeEach
  void emptyOutboxAndFixClock() {
    outbox.deleteAll();
    setClock(T0);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static void setClock(Instant now) {
    ClockUtil.setCurrentTime(Date.from(now));
  }

  static void advanceClock(Duration by) {
    setClock(ClockUtil.getCurrentTime().toInstant().plus(by));
  }

  TransactionTemplate transaction() {
    return new TransactionTemplate(transactionManager);
  }

  List<Notification> rows() {
    return outbox.findAll();
  }

  Notification onlyRow() {
    List<Notification> rows = rows();
    if (rows.size() != 1) {
      throw new AssertionError("expected exactly one outbox row, found " + rows.size());
    }
    return rows.get(0);
  }

  static MockHttpServletRequestBuilder as(String user, String password, MockHttpServletRequestBuilder request) {
    String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return request.header(HttpHeaders.AUTHORIZATION, "Basic " + credentials);
  }

  static MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
    return as("admin", "admin", request);
  }
}
