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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Two nodes on one PostgreSQL: two JVMs of the packaged application share one database and one SMTP
 * server (GreenMail), both with the job executor and the outbox dispatcher on. Clerks register complaints
 * on both nodes at once, quality staff complete first responses on the node that did not start the case,
 * then 1,000 timers come due at the same moment. Every timer fires exactly once (job log, activity
 * history, outbox, e-mails), both nodes fire some and send some, and case numbers stay unique.
 */
class TwoNodesIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OUTBOX_HEADER = "X-ServiceFlow-Notification";
  private static final String[] NODES = {"node-a", "node-b"};
  private static final int CASES = 520;
  private static final int COMPLETED_ON_OTHER_NODE = 40;
  private static final int INTAKE_THREADS_PER_NODE = 3;
  /** Task_FirstResponse carries two timers (warning, overdue), Task_VerifyComplaint one (overdue). */
  private static final int TIMERS = 2 * (CASES - COMPLETED_ON_OTHER_NODE) + COMPLETED_ON_OTHER_NODE;
  private static final Step FIRST_RESPONSE = new Step("Task_FirstResponse", "zhiliang1",
      Map.of("firstResponseChannel", "phone", "firstResponseNote", "已致电客户"));
  private static final Pattern HELO = Pattern.compile("\\(HELO ([a-z-]+)\\.serviceflow\\.test\\)");

  /** Each boundary timer of the test, the notice its service task writes, and the groups it goes to. */
  private record Timer(String boundaryEvent, String serviceTask, String template, List<String> groups, int count) {
  }

  private static final List<Timer> TIMER_KINDS = List.of(
      new Timer("BoundaryEvent_FirstResponseWarning", "Task_WarnFirstResponse", "complaint.firstResponseWarning",
          List.of("quality"), CASES - COMPLETED_ON_OTHER_NODE),
      new Timer("BoundaryEvent_FirstResponseOverdue", "Task_EscalateFirstResponse", "complaint.firstResponseOverdue",
          List.of("quality", "customer-service-lead", "customer-service"), CASES - COMPLETED_ON_OTHER_NODE),
      new Timer("BoundaryEvent_VerifyOverdue", "Task_EscalateVerification", "complaint.verificationOverdue",
          List.of("quality", "customer-service-lead"), COMPLETED_ON_OTHER_NODE));

  private static final ServerSetup SMTP = new ServerSetup(Mails.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(SMTP).withPerMethodLifecycle(false);

  private static final List<ApplicationNode> nodes = new ArrayList<>();
  private static JdbcTemplate jdbc;

  @BeforeAll
  static void startTwoNodesOnOneDatabase() {
    String database = EmbeddedPostgres.createDatabase();
    jdbc = new JdbcTemplate(EmbeddedPostgres.server().getDatabase("postgres", database));
    // one after the other: the first start on an empty database creates the schema (docs/operations.md)
    for (String name : NODES) {
      nodes.add(ApplicationNode.start(name, database, SMTP.getPort(),
          // the engine's host name goes into the job log; the SMTP greeting names the sending node
          "--camunda.bpm.generic-properties.properties.hostname=" + name,
          "--spring.mail.properties.mail.smtp.localhost=" + name + ".serviceflow.test",
          // timers made due behind the engine's back are found within 5 s (default: up to 60 s when idle)
          "--camunda.bpm.job-execution.max-wait=5000",
          "--serviceflow.notification.dispatcher.interval=200ms"));
    }
  }

  @AfterAll
  static void stopTheNodes() {
    nodes.forEach(ApplicationNode::close);
  }

  @Test
  void shouldFireEachOfAThousandTimersOnceAndKeepCaseNumbersUniqueWithTwoNodesOnOneDatabase() throws Exception {
    // given: complaints registered on both nodes at once
    Instant intakeStart = Instant.now();
    Map<String, Integer> startedOn = registerComplaintsOnBothNodes();
    Duration intakeTime = Duration.between(intakeStart, Instant.now());

    // then: every intake was acknowledged, on both nodes, each with its own case number
    assertThat(startedOn).hasSize(CASES);
    for (int node = 0; node < NODES.length; node++) {
      int n = node;
      assertThat(startedOn.values().stream().filter(v -> v == n).count()).as("cases started on %s", NODES[node])
          .isGreaterThanOrEqualTo(CASES / 4);
    }
    assertThat(count("select count(*) from service_case")).isEqualTo(CASES);
    assertThat(count("select count(distinct case_number) from service_case")).isEqualTo(CASES);
    assertThat(jdbc.queryForList("select case_number from service_case", String.class))
        .containsExactlyInAnyOrderElementsOf(startedOn.keySet());

    // when: quality staff complete first responses on the node that did not start the case
    List<String> toComplete = new ArrayList<>();
    for (int node = 0; node < NODES.length; node++) {
      int n = node;
      startedOn.entrySet().stream().filter(e -> e.getValue() == n).map(Map.Entry::getKey).sorted()
          .limit(COMPLETED_ON_OTHER_NODE / NODES.length).forEach(toComplete::add);
    }
    completeOnTheOtherNode(toComplete, startedOn);

    // then: those cases wait in Task_VerifyComplaint, each first response recorded once
    for (String caseNumber : toComplete) {
      assertThat(stepsOf(caseNumber)).as("case %s", caseNumber).containsExactly("Task_VerifyComplaint");
      assertThat(count("""
          select count(*) from case_timeline t join service_case c on c.id = t.case_id
          where c.case_number = ? and t.activity_id = 'Task_FirstResponse'""", caseNumber))
          .as("timeline of %s", caseNumber).isEqualTo(1);
    }
    // a case started on one node is served on the other
    String crossCase = toComplete.get(0);
    int other = 1 - startedOn.get(crossCase);
    assertThat(nodes.get(other).engine().get("kefu1", "/api/cases/" + crossCase).path("caseNumber").asText())
        .isEqualTo(crossCase);

    // given: the complaints' timers, all still in the future (the acknowledgement e-mails may still be on their way)
    List<String> timerJobs = jdbc.queryForList("""
        select j.id_ from act_ru_job j join act_ru_execution e on e.id_ = j.execution_id_
        where j.handler_type_ = 'timer-transition' and j.process_def_key_ = 'complaint'""", String.class);
    assertThat(timerJobs).hasSize(TIMERS);
    String[] jobIds = timerJobs.toArray(String[]::new);

    // when: all 1,000 come due at the same moment
    Instant firingStart = Instant.now();
    int madeDue = jdbc.update("update act_ru_job set duedate_ = timestamp '2020-01-01 00:00:00' where id_ = any(?)",
        (Object) jobIds);
    assertThat(madeDue).isEqualTo(TIMERS);
    awaitJobsGone(jobIds, Duration.ofSeconds(240));
    Duration firingTime = Duration.between(firingStart, Instant.now());

    // then: each job succeeded exactly once, and both nodes fired some of them
    assertThat(count("select count(*) from act_ru_job where id_ = any(?)", (Object) jobIds)).as("timers left").isZero();
    assertThat(count("select count(*) from act_ru_incident")).as("incidents").isZero();
    Map<String, Integer> successesPerJob = jdbc.query("""
        select job_id_, count(*) from act_hi_job_log where job_id_ = any(?) and job_state_ = 2
        group by job_id_""", rs -> {
      Map<String, Integer> successes = new HashMap<>();
      while (rs.next()) {
        successes.put(rs.getString(1), rs.getInt(2));
      }
      return successes;
    }, (Object) jobIds);
    assertThat(successesPerJob).as("jobs with a success entry").hasSize(TIMERS);
    assertThat(successesPerJob.values()).as("success entries per job").containsOnly(1);
    assertThat(count("select count(*) from act_hi_job_log where job_id_ = any(?) and job_state_ = 3", (Object) jobIds))
        .as("deleted timers").isZero();
    Map<String, Integer> firedBy = perValue("""
        select hostname_, count(*) from act_hi_job_log where job_id_ = any(?) and job_state_ = 2
        group by hostname_""", (Object) jobIds);
    assertThat(firedBy.keySet()).as("hosts in the job log").containsExactlyInAnyOrder(NODES);
    int failedAttempts = count("select count(*) from act_hi_job_log where job_id_ = any(?) and job_state_ = 1",
        (Object) jobIds);

    // each boundary event and its notice task ran once per timer, in its own case
    for (Timer timer : TIMER_KINDS) {
      for (String activity : List.of(timer.boundaryEvent(), timer.serviceTask())) {
        assertThat(count("""
            select count(*) from act_hi_actinst where act_id_ = ? and end_time_ is not null""", activity))
            .as("history of %s", activity).isEqualTo(timer.count());
        assertThat(count("""
            select count(distinct proc_inst_id_) from act_hi_actinst where act_id_ = ?""", activity))
            .as("cases with %s", activity).isEqualTo(timer.count());
      }
      assertThat(count("select count(*) from case_timeline where activity_id = ?", timer.serviceTask()))
          .as("timeline entries of %s", timer.serviceTask()).isEqualTo(timer.count());
    }
    assertThat(TIMER_KINDS.stream().mapToInt(Timer::count).sum()).isEqualTo(TIMERS);

    // every notice is in the outbox once per group member: inbox always, e-mail where the member has one
    for (Timer timer : TIMER_KINDS) {
      int members = 0;
      int withEmail = 0;
      for (String group : timer.groups()) {
        members += count("select count(*) from act_id_membership where group_id_ = ?", group);
        withEmail += count("""
            select count(*) from act_id_membership m join act_id_user u on u.id_ = m.user_id_
            where m.group_id_ = ? and coalesce(u.email_, '') <> ''""", group);
      }
      assertThat(withEmail).as("members of %s with an e-mail address", timer.groups()).isPositive();
      assertThat(count("select count(*) from notification where template_key = ? and channel = 'INBOX'",
          timer.template())).as("inbox notices %s", timer.template()).isEqualTo(timer.count() * members);
      assertThat(count("select count(*) from notification where template_key = ? and channel = 'EMAIL'",
          timer.template())).as("e-mail notices %s", timer.template()).isEqualTo(timer.count() * withEmail);
    }

    // every e-mail of the outbox reached the mail server exactly once, sent by both nodes
    awaitOutboxDrained(Duration.ofSeconds(180));
    Duration drainTime = Duration.between(firingStart, Instant.now());
    assertThat(count("select count(*) from notification where status in ('PENDING', 'SENDING', 'FAILED')"))
        .isZero();
    List<Long> emailRows = jdbc.queryForList("select id from notification where channel = 'EMAIL'", Long.class);
    List<Received> received = received();
    Map<Long, Long> copies = received.stream().collect(Collectors.groupingBy(Received::row, Collectors.counting()));
    assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(emailRows);
    assertThat(copies.values()).as("copies per outbox row").containsOnly(1L);
    Map<String, Long> sentBy = received.stream().collect(Collectors.groupingBy(Received::node, Collectors.counting()));
    assertThat(sentBy.keySet()).as("nodes that sent e-mail").containsExactlyInAnyOrder(NODES);

    System.out.printf("two nodes: %d intakes in %d s (%s), %d first responses on the other node; %d timers fired "
            + "in %d s (%s; %d failed attempts retried), outbox drained after %d s: %d e-mails, sent %s%n",
        CASES, intakeTime.toSeconds(), startedCount(startedOn), toComplete.size(), TIMERS, firingTime.toSeconds(),
        firedBy, failedAttempts, drainTime.toSeconds(), emailRows.size(), sentBy);
  }

  /** CASES complaints, INTAKE_THREADS_PER_NODE clerks on each node; returns case number → index of the node. */
  private static Map<String, Integer> registerComplaintsOnBothNodes() throws Exception {
    Map<String, Integer> startedOn = new ConcurrentHashMap<>();
    List<String> refused = new CopyOnWriteArrayList<>();
    AtomicInteger next = new AtomicInteger();
    ExecutorService clerks = Executors.newFixedThreadPool(INTAKE_THREADS_PER_NODE * NODES.length);
    List<Future<?>> runs = new ArrayList<>();
    for (int t = 0; t < INTAKE_THREADS_PER_NODE * NODES.length; t++) {
      int node = t % NODES.length;
      EngineRest engine = nodes.get(node).engine();
      runs.add(clerks.submit(() -> {
        for (int i = next.getAndIncrement(); i < CASES; i = next.getAndIncrement()) {
          Map<String, Object> complaint = Intakes.complaint();
          complaint.put("customerEmail", "two-nodes-" + i + "@example.test");
          ResponseEntity<String> answer = engine.post("kefu1", "/api/complaints", JSON.valueToTree(complaint));
          if (answer.getStatusCode() == HttpStatus.CREATED) {
            String caseNumber = EngineRest.json(answer.getBody()).path("caseNumber").asText();
            assertThat(startedOn.put(caseNumber, node)).as("case number %s given twice", caseNumber).isNull();
          } else {
            refused.add(NODES[node] + ": " + answer.getStatusCode() + " " + answer.getBody());
          }
        }
        return null;
      }));
    }
    for (Future<?> run : runs) {
      run.get();
    }
    clerks.shutdown();
    assertThat(refused).as("intakes not answered 201").isEmpty();
    return startedOn;
  }

  private static void completeOnTheOtherNode(List<String> caseNumbers, Map<String, Integer> startedOn)
      throws Exception {
    ExecutorService staff = Executors.newFixedThreadPool(NODES.length);
    List<Future<?>> runs = new ArrayList<>();
    for (String caseNumber : caseNumbers) {
      EngineRest otherNode = nodes.get(1 - startedOn.get(caseNumber)).engine();
      runs.add(staff.submit(() -> otherNode.complete(caseNumber, FIRST_RESPONSE)));
    }
    for (Future<?> run : runs) {
      run.get();
    }
    staff.shutdown();
  }

  private static List<String> stepsOf(String caseNumber) {
    return jdbc.queryForList("""
        select t.task_def_key_ from act_ru_task t join service_case c on c.process_instance_id = t.proc_inst_id_
        where c.case_number = ?""", String.class, caseNumber);
  }

  private static String startedCount(Map<String, Integer> startedOn) {
    Map<String, Long> perNode = startedOn.values().stream()
        .collect(Collectors.groupingBy(node -> NODES[node], Collectors.counting()));
    return perNode.toString();
  }

  private static void awaitJobsGone(String[] jobIds, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (count("select count(*) from act_ru_job where id_ = any(?)", (Object) jobIds) > 0
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
    }
  }

  private static void awaitOutboxDrained(Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (count("select count(*) from notification where status in ('PENDING', 'SENDING')") > 0
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
    }
  }

  /** One e-mail as GreenMail received it: its outbox row (header) and the node that sent it (SMTP greeting). */
  private record Received(long row, String node) {
  }

  private static List<Received> received() {
    List<Received> all = new ArrayList<>();
    for (MimeMessage message : MAIL.getReceivedMessages()) {
      try {
        String[] header = message.getHeader(OUTBOX_HEADER);
        assertThat(header).as("outbox header of %s", Mails.subject(message)).hasSize(1);
        String[] trace = message.getHeader("Received");
        assertThat(trace).as("Received header of %s", Mails.subject(message)).isNotEmpty();
        Matcher helo = HELO.matcher(String.join(" ", trace));
        assertThat(helo.find()).as("sending node in %s", String.join(" ", trace)).isTrue();
        all.add(new Received(Long.parseLong(header[0]), helo.group(1)));
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return all;
  }

  private static Map<String, Integer> perValue(String sql, Object... args) {
    return jdbc.query(sql, rs -> {
      Map<String, Integer> counts = new HashMap<>();
      while (rs.next()) {
        counts.put(rs.getString(1), rs.getInt(2));
      }
      return counts;
    }, args);
  }

  private static int count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Integer.class, args);
  }
}
