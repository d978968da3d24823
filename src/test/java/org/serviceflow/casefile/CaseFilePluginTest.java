package org.serviceflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class CaseFilePluginTest {

  static final Instant STARTED = Instant.parse("2026-11-05T02:00:00Z");
  static final Instant VERIFY_DUE = Instant.parse("2026-11-10T09:30:00Z");
  static final Instant VERIFY_WARNING = Instant.parse("2026-11-09T09:30:00Z");

  @Autowired
  CaseFileService caseFiles;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  IdentityService identityService;

  String deploymentId;

  @BeforeEach
  void deployTestModel() {
    ClockUtil.setCurrentTime(Date.from(STARTED));
    deploymentId = repositoryService.createDeployment()
        .addClasspathResource("casefile/case-file-test.bpmn20.xml")
        .deploy().getId();
  }

  @AfterEach
  void cleanUp() {
    identityService.clearAuthentication();
    repositoryService.deleteDeployment(deploymentId, true);
    ClockUtil.reset();
  }

  @Test
  void shouldRecordCompletedUserTaskWithAssigneeAndOutcome() {
    // given a case and its process instance waiting at 核实投诉, assigned to quality1
    String caseNumber = openCase();
    ProcessInstance instance = start(caseNumber);
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    taskService.setAssignee(task.getId(), "quality1");
    ClockUtil.setCurrentTime(Date.from(STARTED.plusSeconds(3600)));

    // when quality1 completes it
    taskService.complete(task.getId(), Map.of("complaintValid", true, "verificationNote", "包装破损属实"));

    // then
    assertThat(caseFiles.timeline(caseNumber)).last().satisfies(entry -> {
      assertThat(entry.actor()).isEqualTo("quality1");
      assertThat(entry.action()).isEqualTo("核实投诉");
      assertThat(entry.activityId()).isEqualTo("Task_VerifyComplaint");
      assertThat(entry.outcome()).isEqualTo("complaintValid=是; verificationNote=包装破损属实");
      assertThat(entry.occurredAt()).isEqualTo(OffsetDateTime.parse("2026-11-05T11:00:00+08:00"));
    });
  }

  @Test
  void shouldRecordAuthenticatedUserWhenTaskHasNoAssignee() {
    // given
    String caseNumber = openCase();
    ProcessInstance instance = start(caseNumber);
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();

    // when admin completes the unassigned task
    identityService.setAuthentication("admin", List.of(Groups.CAMUNDA_ADMIN));
    taskService.complete(task.getId(), Map.of("complaintValid", false));

    // then
    assertThat(caseFiles.timeline(caseNumber)).last()
        .extracting(TimelineEntryView::actor, TimelineEntryView::action, TimelineEntryView::outcome)
        .containsExactly("admin", "核实投诉", "complaintValid=否");
  }

  @Test
  void shouldRecordSystemWhenNobodyCompletesTaskInPerson() {
    // given
    String caseNumber = openCase();
    ProcessInstance instance = start(caseNumber);
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();

    // when completed without assignee, authentication or outcome variables
    taskService.complete(task.getId());

    // then
    assertThat(caseFiles.timeline(caseNumber)).last()
        .extracting(TimelineEntryView::actor, TimelineEntryView::action, TimelineEntryView::outcome)
        .containsExactly("系统", "核实投诉", null);
  }

  @Test
  void shouldRecordTimerBoundaryEventsWhenTheyFire() {
    // given
    String caseNumber = openCase();
    ProcessInstance instance = start(caseNumber);

    // when the warning (20 h) and then the overdue timer (24 h) fire
    ClockUtil.setCurrentTime(Date.from(STARTED.plusSeconds(20 * 3600)));
    managementService.executeJob(timer(instance, "BoundaryEvent_VerifyWarning").getId());
    ClockUtil.setCurrentTime(Date.from(STARTED.plusSeconds(24 * 3600)));
    managementService.executeJob(timer(instance, "BoundaryEvent_VerifyOverdue").getId());

    // then both firings are in the timeline at their times, and the overdue path went on to 升级处理
    assertThat(caseFiles.timeline(caseNumber))
        .extracting(TimelineEntryView::actor, TimelineEntryView::action, TimelineEntryView::activityId,
            TimelineEntryView::occurredAt)
        .containsExactly(
            tuple("cs1", "受理", null, OffsetDateTime.parse("2026-11-05T10:00:00+08:00")),
            tuple("系统", "计时器：核实预警", "BoundaryEvent_VerifyWarning", OffsetDateTime.parse("2026-11-06T06:00:00+08:00")),
            tuple("系统", "计时器：核实超时", "BoundaryEvent_VerifyOverdue", OffsetDateTime.parse("2026-11-06T10:00:00+08:00")));
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_Escalate");
  }

  @Test
  void shouldLeaveProcessesWithoutCaseFileAlone() {
    // given one instance without business key and one whose business key is no case number
    ProcessInstance withoutKey = start(null);
    ProcessInstance unknownKey = start("TS00000001");

    // when their tasks complete and a timer fires
    taskService.complete(taskService.createTaskQuery().processInstanceId(withoutKey.getId()).singleResult().getId(),
        Map.of("complaintValid", true));
    ClockUtil.setCurrentTime(Date.from(STARTED.plusSeconds(24 * 3600)));
    managementService.executeJob(timer(unknownKey, "BoundaryEvent_VerifyOverdue").getId());

    // then both went on as modelled, and no case file appeared
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(withoutKey.getId()).count()).isZero();
    assertThat(taskService.createTaskQuery().processInstanceId(unknownKey.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_Escalate");
    assertThat(caseFiles.exists("TS00000001")).isFalse();
  }

  @Test
  void shouldKeepTheTasksStatusAndDeadlineInTheCaseFile() {
    // given a case whose process waits at 核实投诉 (case.status 核实中, case.deadline VERIFICATION)
    String caseNumber = openCase();
    ProcessInstance instance = start(caseNumber);

    // then the case file shows the task's status, due date and follow-up date
    CaseView created = caseFiles.get(caseNumber);
    assertThat(created.status()).isEqualTo("核实中");
    assertThat(created.deadlines()).singleElement().satisfies(deadline -> {
      assertThat(deadline.kind()).isEqualTo("VERIFICATION");
      assertThat(deadline.dueAt().toInstant()).isEqualTo(VERIFY_DUE);
      assertThat(deadline.warningAt().toInstant()).isEqualTo(VERIFY_WARNING);
      assertThat(deadline.metAt()).isNull();
    });

    // when the task is completed an hour later
    ClockUtil.setCurrentTime(Date.from(STARTED.plusSeconds(3600)));
    taskService.complete(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId(),
        Map.of("complaintValid", true));

    // then the deadline is met at that instant
    assertThat(caseFiles.get(caseNumber).deadlines()).singleElement()
        .satisfies(deadline -> assertThat(deadline.metAt().toInstant()).isEqualTo(STARTED.plusSeconds(3600)));
  }

  @Test
  void shouldLeaveTheDeadlineUnmetWhenATimerTakesTheTaskAway() {
    // given
    String caseNumber = openCase();
    ProcessInstance instance = start(caseNumber);

    // when the interrupting overdue timer fires
    ClockUtil.setCurrentTime(Date.from(STARTED.plusSeconds(24 * 3600)));
    managementService.executeJob(timer(instance, "BoundaryEvent_VerifyOverdue").getId());

    // then the task is gone but its deadline stays unmet
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_Escalate");
    assertThat(caseFiles.get(caseNumber).deadlines()).singleElement()
        .satisfies(deadline -> assertThat(deadline.metAt()).isNull());
  }

  private ProcessInstance start(String businessKey) {
    return runtimeService.startProcessInstanceByKey("caseTimelineTest", businessKey,
        Map.of("verifyDue", Date.from(VERIFY_DUE), "verifyWarning", Date.from(VERIFY_WARNING)));
  }

  private String openCase() {
    return caseFiles.open(CaseFileServiceTest.complaint("cs1", STARTED));
  }

  private Job timer(ProcessInstance instance, String activityId) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
  }
}
