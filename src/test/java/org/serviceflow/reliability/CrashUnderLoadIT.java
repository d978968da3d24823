package org.serviceflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.serviceflow.support.ApplicationNode;
import org.serviceflow.support.EmbeddedPostgres;
import org.serviceflow.support.EngineRest;
import org.serviceflow.support.EngineRest.Step;
import org.serviceflow.support.Intakes;
import org.serviceflow.support.Mails;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Crash under load: the packaged application runs as its own process on PostgreSQL; three clerks
 * register complaints and two quality staff complete their first response while the JVM is killed with
 * SIGKILL. After a restart every acknowledged case is there at its step, nothing is half-written, and
 * every e-mail of the outbox reaches the SMTP server (GreenMail) once.
 */
class CrashUnderLoadIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OUTBOX_HEADER = "X-ServiceFlow-Notification";
  private static final int INTAKE_THREADS = 3;
  private static final int COMPLETION_THREADS = 2;
  private static final Step FIRST_RESPONSE = new Step("Task_FirstResponse", "zhiliang1",
      Map.of("firstResponseChannel", "phone", "firstResponseNote", "已致电客户"));

  private static final ServerSetup SMTP = new ServerSetup(Mails.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(SMTP).withPerMethodLifecycle(false);

  private static ApplicationNode node;
  private static JdbcTemplate jdbc;

  @BeforeAll
  static void startTheApplication() {
    String database = EmbeddedPostgres.createDatabase();
    jdbc = new JdbcTemplate(EmbeddedPostgres.server().getDatabase("postgres", database));
    // dispatch often, and take back a crashed node's SENDING rows after 3 s instead of 5 min
    node = ApplicationNode.start("crash", database, SMTP.getPort(),
        "--serviceflow.notification.dispatcher.interval=200ms",
        "--serviceflow.notification.dispatcher.sending-timeout=3s");
  }

  @AfterAll
  static void stopTheApplication() {
    if (node != null) {
      node.close();
    }
  }

  /** Everything the load saw: what was acknowledged, and what was sent but never answered. */
  private static final class Load {
    final Map<String, String> acknowledged = new ConcurrentHashMap<>(); // case number → customer e-mail
    final Set<String> unanswered = ConcurrentHashMap.newKeySet(); // e-mails of intakes without an answer
    final List<String> refused = new java.util.concurrent.CopyOnWriteArrayList<>(); // answers other than 201
    final Set<String> completed = ConcurrentHashMap.newKeySet(); // first response acknowledged (204)
    final Set<String> completionInDoubt = ConcurrentHashMap.newKeySet(); // completion interrupted by the kill
    final BlockingQueue<String> toComplete = new LinkedBlockingQueue<>();
    final AtomicBoolean running = new AtomicBoolean(true);
  }

  @Test
  void shouldKeepEveryAcknowledgedCaseAndDeliverEveryMailOnceAfterKillMinus9UnderLoad() throws Exception {
    // given: clerks registering complaints and quality staff completing first responses, from five threads
    Load load = new Load();
    EngineRest engine = node.engine();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < INTAKE_THREADS; t++) {
      int thread = t;
      threads.add(started(new Thread(() -> intake(engine, load, thread), "intake-" + t)));
    }
    for (int t = 0; t < COMPLETION_THREADS; t++) {
      threads.add(started(new Thread(() -> completeFirstResponses(engine, load), "complete-" + t)));
    }

    // when: the JVM is killed with SIGKILL in the middle of it, then started again
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while ((load.acknowledged.size() < 40 || load.completed.size() < 15) && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    long pid = node.pid();
    node.kill();
    load.running.set(false);
    for (Thread thread : threads) {
      thread.join(TimeUnit.SECONDS.toMillis(70));
    }
    Set<Long> sendingAtTheCrash = new HashSet<>(
        jdbc.queryForList("select id from notification where status = 'SENDING'", Long.class));
    int mailsBeforeTheCrash = MAIL.getReceivedMessages().length;
    node.start();

    // then: the load ran and was cut off mid-way
    assertThat(load.acknowledged).as("acknowledged intakes before the kill").hasSizeGreaterThanOrEqualTo(40);
    assertThat(load.completed).as("acknowledged completions before the kill").hasSizeGreaterThanOrEqualTo(15);
    assertThat(load.refused).as("answers other than 201 before the kill").isEmpty();
    assertThat(ProcessHandle.of(pid)).as("the killed JVM is gone").isEmpty();

    // every acknowledged case exists, with its running process instance at the acknowledged step
    Map<String, String> stepOf = jdbc.query("""
            select c.case_number, t.task_def_key_ from service_case c
            join act_ru_execution e on e.id_ = c.process_instance_id and e.parent_id_ is null
            join act_ru_task t on t.proc_inst_id_ = e.id_""", rs -> {
      Map<String, String> steps = new java.util.HashMap<>();
      while (rs.next()) {
        steps.merge(rs.getString(1), rs.getString(2), (a, b) -> a + "," + b);
      }
      return steps;
    });
    for (String caseNumber : load.acknowledged.keySet()) {
      String expected = load.completed.contains(caseNumber) ? "Task_VerifyComplaint"
          : load.completionInDoubt.contains(caseNumber) ? null : "Task_FirstResponse";
      assertThat(stepOf).as("case %s", caseNumber).containsKey(caseNumber);
      if (expected == null) {
        assertThat(stepOf.get(caseNumber)).as("case %s, completion cut off", caseNumber)
            .isIn("Task_FirstResponse", "Task_VerifyComplaint");
      } else {
        assertThat(stepOf.get(caseNumber)).as("case %s", caseNumber).isEqualTo(expected);
      }
    }
    // each acknowledged first response has exactly one timeline entry
    for (String caseNumber : load.completed) {
      assertThat(count("""
          select count(*) from case_timeline t join service_case c on c.id = t.case_id
          where c.case_number = ? and t.activity_id = 'Task_FirstResponse'""", caseNumber))
          .as("timeline of %s", caseNumber).isEqualTo(1);
    }

    // no case is half-written: a case file always has its process instance and the other way round,
    // timeline, deadline and outbox rows always have their case, and every open case waits in a task
    assertThat(count("select count(*) from service_case")).isEqualTo(stepOf.size());
    assertThat(count("""
        select count(*) from service_case c where c.process_instance_id is null
        or not exists (select 1 from act_hi_procinst p where p.id_ = c.process_instance_id
                       and p.business_key_ = c.case_number)""")).isZero();
    assertThat(count("""
        select count(*) from act_hi_procinst p where p.proc_def_key_ = 'complaint'
        and not exists (select 1 from service_case c where c.process_instance_id = p.id_)""")).isZero();
    assertThat(count("select count(*) from case_timeline t where not exists "
        + "(select 1 from service_case c where c.id = t.case_id)")).isZero();
    assertThat(count("select count(*) from case_deadline d where not exists "
        + "(select 1 from service_case c where c.id = d.case_id)")).isZero();
    assertThat(count("select count(*) from notification n where n.case_number is not null and not exists "
        + "(select 1 from service_case c where c.case_number = n.case_number)")).isZero();
    assertThat(count("""
        select count(*) from service_case c where c.customer_email like 'crash-%'
        and not exists (select 1 from notification n where n.case_number = c.case_number
                        and n.template_key = 'complaint.acknowledged' and n.channel = 'EMAIL')""")).isZero();
    // an intake cut off by the kill either committed whole (the case is there, just unanswered) or left nothing
    Set<String> casesOfUnanswered = new HashSet<>(jdbc.queryForList(
        "select customer_email from service_case where customer_email like 'crash-%'", String.class));
    casesOfUnanswered.retainAll(load.unanswered);
    assertThat(count("select count(*) from service_case where customer_email like 'crash-%'"))
        .isEqualTo(load.acknowledged.size() + casesOfUnanswered.size());

    // every e-mail of the outbox is delivered once; one whose send the kill interrupted (SENDING at the
    // crash) may have reached the SMTP server before the kill and is then sent again: at least once
    awaitOutboxDrained(Duration.ofSeconds(60));
    List<Long> emailRows = jdbc.queryForList("select id from notification where channel = 'EMAIL'", Long.class);
    Map<Long, Long> copies = received().stream().collect(Collectors.groupingBy(Function.identity(),
        Collectors.counting()));
    assertThat(emailRows).hasSizeGreaterThanOrEqualTo(load.acknowledged.size());
    assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(emailRows);
    for (Long row : emailRows) {
      if (sendingAtTheCrash.contains(row)) {
        assertThat(copies.get(row)).as("e-mail of outbox row %s, sending at the crash", row).isBetween(1L, 2L);
      } else {
        assertThat(copies.get(row)).as("e-mail of outbox row %s", row).isEqualTo(1L);
      }
    }
    assertThat(count("select count(*) from notification where status in ('PENDING', 'SENDING', 'FAILED')"))
        .isZero();

    // the restarted node serves the acknowledged cases
    String someCase = load.acknowledged.keySet().iterator().next();
    assertThat(engine.get("kefu1", "/api/cases/" + someCase).path("caseNumber").asText()).isEqualTo(someCase);

    System.out.printf("crash under load: %d acknowledged intakes, %d unanswered (%d of them committed), "
            + "%d acknowledged first responses, %d cut off; %d e-mails before the kill, %d outbox e-mails, "
            + "%d SENDING at the kill, %d sent twice%n",
        load.acknowledged.size(), load.unanswered.size(), casesOfUnanswered.size(), load.completed.size(),
        load.completionInDoubt.size(), mailsBeforeTheCrash, emailRows.size(), sendingAtTheCrash.size(),
        copies.values().stream().filter(n -> n > 1).count());
  }

  private static void intake(EngineRest engine, Load load, int thread) {
    for (int i = 0; load.running.get(); i++) {
      String email = "crash-" + thread + "-" + i + "@example.test";
      Map<String, Object> complaint = Intakes.complaint();
      complaint.put("customerEmail", email);
      ResponseEntity<String> answer;
      try {
        answer = engine.post("kefu1", "/api/complaints", JSON.valueToTree(complaint));
      } catch (RuntimeException cutOff) {
        load.unanswered.add(email);
        continue;
      }
      if (answer.getStatusCode() == HttpStatus.CREATED) {
        String caseNumber = EngineRest.json(answer.getBody()).path("caseNumber").asText();
        load.acknowledged.put(caseNumber, email);
        load.toComplete.add(caseNumber);
      } else if (load.running.get()) {
        load.refused.add(answer.getStatusCode() + " " + answer.getBody());
      }
    }
  }

  private static void completeFirstResponses(EngineRest engine, Load load) {
    while (load.running.get()) {
      String caseNumber;
      try {
        caseNumber = load.toComplete.poll(200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (caseNumber == null) {
        continue;
      }
      try {
        engine.complete(caseNumber, FIRST_RESPONSE);
        load.completed.add(caseNumber);
      } catch (RuntimeException | AssertionError cutOff) {
        // the kill came during the lookup, claim or completion: either step may be the committed one
        load.completionInDoubt.add(caseNumber);
      }
    }
  }

  private static Thread started(Thread thread) {
    thread.start();
    return thread;
  }

  private static void awaitOutboxDrained(Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (count("select count(*) from notification where status in ('PENDING', 'SENDING')") > 0
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
    }
  }

  /** The outbox row id of every e-mail GreenMail received, one entry per copy. */
  private static List<Long> received() {
    List<Long> rows = new ArrayList<>();
    for (MimeMessage message : MAIL.getReceivedMessages()) {
      try {
        String[] header = message.getHeader(OUTBOX_HEADER);
        assertThat(header).as("outbox header of %s", Mails.subject(message)).hasSize(1);
        rows.add(Long.valueOf(header[0]));
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return rows;
  }

  private static int count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Integer.class, args);
  }
}
