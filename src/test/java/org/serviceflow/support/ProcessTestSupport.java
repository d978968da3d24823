package org.serviceflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.casefile.TimelineEntryView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every process test does to drive one case: find and complete its tasks, run its jobs, fire its
 * timers at their instants, and read the case's timeline and outbox.
 */
public abstract class ProcessTestSupport {

  @Autowired protected TaskService taskService;
  @Autowired protected ManagementService managementService;
  @Autowired protected CaseFileService caseFiles;
  @Autowired protected JdbcTemplate jdbc;
  @Autowired private RuntimeService runtime;
  /** Only where the test runs on a port (@ProcessEngineTest); a mock-MVC test has none. */
  @Autowired(required = false) private TestRestTemplate rest;
  @Autowired private org.camunda.bpm.engine.IdentityService identity;

  /** Starts a process as this user of this group (its start event's initiator). */
  protected ProcessInstance startAs(String user, String group, String processKey, Map<String, Object> variables) {
    identity.setAuthentication(user, List.of(group));
    try {
      return runtime.startProcessInstanceByKey(processKey, variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  /**
   * Starts a process from its Tasklist start form as this user, by the call Tasklist makes
   * ({@code POST /engine-rest/process-definition/{id}/submit-form}); the answer must carry the new instance's business
   * key (the case number, drawn in the start transaction), which is what Tasklist's intake notice shows.
   */
  protected ProcessInstance submitStartFormAs(String user, String processKey, Map<String, Object> variables) {
    ResponseEntity<String> answer = new EngineRest(rest).submitStartForm(user, processKey, variables);
    assertThat(answer.getStatusCode()).as("submit-form: %s", answer.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode started = EngineRest.json(answer.getBody());
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(started.path("id").asText())
        .singleResult();
    assertThat(instance).as("the started instance").isNotNull();
    assertThat(started.path("businessKey").asText()).as("business key in the start answer")
        .isNotBlank().isEqualTo(instance.getBusinessKey());
    return instance;
  }

  /** Sets the engine clock. */
  protected static void clockAt(String isoOffsetDateTime) {
    ClockUtil.setCurrentTime(date(isoOffsetDateTime));
  }

  protected Task task(ProcessInstance instance, String taskKey) {
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
        .singleResult();
    assertThat(task).as("open task %s", taskKey).isNotNull();
    return task;
  }

  protected List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .toList();
  }

  protected void complete(ProcessInstance instance, String taskKey, Map<String, Object> variables) {
    taskService.complete(task(instance, taskKey).getId(), variables);
  }

  /** Runs the asynchronous steps as the job executor would. */
  protected void executeJobs(ProcessInstance instance) {
    List<Job> jobs;
    while (!(jobs = managementService.createJobQuery().processInstanceId(instance.getId()).executable().list()).isEmpty()) {
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  protected Job timer(ProcessInstance instance, String boundaryEventId) {
    Job job = managementService.createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId(boundaryEventId).singleResult();
    assertThat(job).as("timer of %s", boundaryEventId).isNotNull();
    return job;
  }

  /** Not due a minute before the instant, due a minute after it; then fires it, which the timeline records. */
  protected void fireTimer(ProcessInstance instance, String boundaryEventId, OffsetDateTime instant) {
    assertThat(timer(instance, boundaryEventId).getDuedate()).isEqualTo(date(instant));
    ClockUtil.setCurrentTime(date(instant.minus(Duration.ofMinutes(1))));
    assertThat(dueTimers(instance, boundaryEventId)).as("%s due before %s", boundaryEventId, instant).isZero();
    ClockUtil.setCurrentTime(date(instant.plus(Duration.ofMinutes(1))));
    assertThat(dueTimers(instance, boundaryEventId)).as("%s due after %s", boundaryEventId, instant).isOne();
    managementService.executeJob(timer(instance, boundaryEventId).getId());
    assertThat(timeline(instance.getBusinessKey())).as("timeline entry of %s", boundaryEventId).anySatisfy(entry -> {
      assertThat(entry.activityId()).isEqualTo(boundaryEventId);
      assertThat(entry.action()).startsWith("计时器：");
      assertThat(entry.actor()).isEqualTo("系统");
    });
  }

  /** Moves the case to one user task (startBeforeActivity), cancelling the user tasks it waited at: one step tested alone. */
  protected void moveTo(ProcessInstance instance, String taskKey) {
    List<String> waiting = taskService.createTaskQuery().processInstanceId(instance.getId()).list().stream()
        .map(Task::getTaskDefinitionKey).distinct().toList();
    if (waiting.contains(taskKey)) {
      return;
    }
    ProcessInstanceModificationBuilder modification = runtime.createProcessInstanceModification(instance.getId())
        .startBeforeActivity(taskKey);
    for (String key : waiting) {
      modification = modification.cancelAllForActivity(key);
    }
    modification.execute();
  }

  /**
   * A task's deadline timer fires at its instant ({@link #fireTimer}), the notice reaches a member of the group it
   * names, and the task stays open (the timer does not interrupt it).
   */
  protected void fireDeadline(ProcessInstance instance, String taskKey, String boundaryEventId, OffsetDateTime at,
      String template, String recipient) {
    fireTimer(instance, boundaryEventId, at);
    assertThat(templatesSentTo(instance.getBusinessKey(), recipient)).as("notices to %s after %s", recipient,
        boundaryEventId).contains(template);
    assertThat(task(instance, taskKey).getId()).as("%s stays open after %s", taskKey, boundaryEventId).isNotBlank();
  }

  protected long dueTimers(ProcessInstance instance, String boundaryEventId) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).timers().activityId(boundaryEventId)
        .duedateLowerThan(ClockUtil.getCurrentTime()).count();
  }

  /** Template keys of the outbox messages of a case to one recipient, in the order written. */
  protected List<String> templatesSentTo(String caseNumber, String recipient) {
    return jdbc.queryForList("select template_key from notification where case_number = ? and recipient = ? "
        + "and channel in ('SMS', 'INBOX', 'EMAIL') order by id", String.class, caseNumber, recipient).stream()
        .distinct().toList();
  }

  protected List<TimelineEntryView> timeline(String caseNumber) {
    return caseFiles.timeline(caseNumber);
  }

  protected static Date date(String isoOffsetDateTime) {
    return date(OffsetDateTime.parse(isoOffsetDateTime));
  }

  protected static Date date(OffsetDateTime dateTime) {
    return Date.from(dateTime.toInstant());
  }
}
