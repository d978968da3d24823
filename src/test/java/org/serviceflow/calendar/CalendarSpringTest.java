package org.serviceflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serviceflow.calendar.CalendarFixture.date;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The whole application: BPMN expressions on the {@code deadlines} bean give a timer and a task the
 * same due instant; a step that computes a deadline into 2027 (no data) writes the administrators'
 * notice in its own transaction, once a day, and a rolled-back step writes none.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CalendarSpringTest {

  private static final String SUBJECT = "【工作日历】缺少 2027 年法定节假日数据";

  @Autowired Deadlines deadlines;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired MockMvc mvc;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldGiveTheTimerAndTheTaskTheSameDueInstantFromABpmnExpression() {
    // given a process whose task and timer call the deadlines bean, as the process models do
    String deadline = "${deadlines.workdaysFrom(receivedAt, 3)}";
    BpmnModelInstance model = Bpmn.createExecutableProcess("calendarExpressionCheck")
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask("Task_Handle").camundaDueDate(deadline)
        .camundaFollowUpDate("${deadlines.workdaysBefore(deadlines.workdaysFrom(receivedAt, 3), 1)}")
        .boundaryEvent("BoundaryEvent_HandleOverdue").cancelActivity(false).timerWithDate(deadline)
        .endEvent()
        .moveToActivity("Task_Handle").endEvent()
        .done();
    String deployment = repositoryService.createDeployment()
        .addModelInstance("calendarExpressionCheck.bpmn", model).deploy().getId();
    try {
      // when started with a receipt on Wednesday 2026-09-30 10:00
      String instance = runtimeService.startProcessInstanceByKey("calendarExpressionCheck",
          Map.of("receivedAt", date("2026-09-30T10:00"))).getId();
      // then task and timer are due at the end of Saturday 2026-10-10 (调休), the follow-up the working day before
      Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
      Job timer = managementService.createJobQuery().processInstanceId(instance).timers().singleResult();
      assertThat(task.getDueDate()).isEqualTo(date("2026-10-10T17:30"));
      assertThat(task.getFollowUpDate()).isEqualTo(date("2026-10-09T17:30"));
      assertThat(timer.getDuedate()).isEqualTo(date("2026-10-10T17:30"));
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  @Test
  void shouldWriteTheNoticeOnceADayToTheAdminInboxAndNothingForARolledBackStep() throws Exception {
    // given the engine clock on a day no other test uses
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-03-03T02:00:00Z")));
    TransactionTemplate step = new TransactionTemplate(transactionManager);
    long before = noticesInAdminInbox();

    // when a step computes a deadline into 2027 and then rolls back
    step.executeWithoutResult(tx -> {
      deadlines.workdaysFrom(date("2026-12-30T10:00"), 3);
      tx.setRollbackOnly();
    });
    // then no notice was written
    assertThat(noticesInAdminInbox()).isEqualTo(before);

    // when two steps that commit compute deadlines into 2027 the same day
    Date due = step.execute(tx -> deadlines.workdaysFrom(date("2026-12-30T10:00"), 3));
    step.executeWithoutResult(tx -> deadlines.workdaysFrom(date("2026-12-31T10:00"), 2));
    // then the deadline is computed with weekends only, and exactly one notice reached admin
    assertThat(due).isEqualTo(date("2027-01-04T17:30"));
    assertThat(noticesInAdminInbox()).isEqualTo(before + 1);

    // when the engine clock moves to the next day
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-03-04T02:00:00Z")));
    step.executeWithoutResult(tx -> deadlines.workdaysFrom(date("2026-12-30T10:00"), 3));
    // then a second notice
    assertThat(noticesInAdminInbox()).isEqualTo(before + 2);
  }

  private long noticesInAdminInbox() throws Exception {
    String body = mvc.perform(get("/api/inbox").header(HttpHeaders.AUTHORIZATION,
            "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8))))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    List<String> subjects = JsonPath.read(body, "$[*].subject");
    return subjects.stream().filter(SUBJECT::equals).count();
  }
}
