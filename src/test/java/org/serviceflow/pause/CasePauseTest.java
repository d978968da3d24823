package org.serviceflow.pause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.serviceflow.support.Intakes;
import org.serviceflow.support.ProcessTestSupport;
import org.serviceflow.casefile.CaseView;
import org.serviceflow.casefile.DeadlineState;
import org.serviceflow.casefile.TimelineEntryView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Typed pauses (挂起): a customer-side pause over the National Day holidays stops the timers and moves every
 * deadline by exactly the paused working time; a pause counted to ourselves moves nothing; a pause that runs
 * long gets a reminder task; bad requests are refused with nothing written.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CasePauseTest extends ProcessTestSupport {

  @Autowired MockMvc mvc;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired LongPauseReminder reminder;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  @Test
  void shouldMoveEveryDeadlineByThePausedWorkingTimeOfACustomerPauseOverAHoliday() throws Exception {
    // given a complaint of Monday 09-28 in verification: 3 working days = 09-29, 09-30, 10-08 (国庆 10-01..07)
    clockAt("2026-09-28T09:00:00+08:00");
    ProcessInstance complaint = startAs("kefu1", "customer-service", "complaint", Intakes.complaint());
    String caseNumber = complaint.getBusinessKey();
    complete(complaint, "Task_FirstResponse", Map.of("firstResponseChannel", "phone", "firstResponseNote", "已致电"));
    Date verifyDue = date("2026-10-08T17:30:00+08:00");
    assertThat(task(complaint, "Task_VerifyComplaint").getDueDate()).isEqualTo(verifyDue);

    // when the quality clerk pauses it on 09-30 at 15:00, waiting for the customer's photos
    clockAt("2026-09-30T15:00:00+08:00");
    as("zhiliang1", post("/api/cases/" + caseNumber + "/pauses").contentType(MediaType.APPLICATION_JSON)
        .content("{\"type\": \"customer-information\", \"reason\": \"等待客户补充漏水照片\"}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.party").value("customer"))
        .andExpect(jsonPath("$.stopsClock").value(true));

    // then the case is paused and its timers stand still
    assertThat(caseFiles.get(caseNumber).status()).isEqualTo(CasePauses.STATUS_PAUSED);
    assertThat(timers(complaint)).isNotEmpty().allSatisfy(job -> assertThat(job.isSuspended()).isTrue());
    assertThat(verification(caseNumber).state()).as("the clock stands").isEqualTo(DeadlineState.PAUSED);
    assertThat(verification(caseNumber).stateLabel()).isEqualTo("已挂起");
    clockAt("2026-10-09T09:00:00+08:00");
    assertThat(verification(caseNumber).state()).as("past the old due instant, paused is not overdue")
        .isEqualTo(DeadlineState.PAUSED);

    // when the photos arrive on 10-08 at 10:00 and the pause is resumed: 9 h of 09-30 + 10 h of 10-08 = 19 h
    clockAt("2026-10-08T10:00:00+08:00");
    as("zhiliang1", post("/api/cases/" + caseNumber + "/pauses/resume"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.pausedWorkingTime").value("19 小时"));

    // then task, timer and case-file deadline move from 10-08 17:30 by 19 working hours to 10-09 12:30
    Date moved = date("2026-10-09T12:30:00+08:00");
    assertThat(task(complaint, "Task_VerifyComplaint").getDueDate()).isEqualTo(moved);
    assertThat(timer(complaint, "BoundaryEvent_VerifyOverdue").getDuedate()).isEqualTo(moved);
    assertThat(timers(complaint)).allSatisfy(job -> assertThat(job.isSuspended()).isFalse());
    assertThat(caseFiles.get(caseNumber).deadlines()).filteredOn(d -> d.kind().equals("VERIFICATION"))
        .singleElement().satisfies(d -> assertThat(d.dueAt()).isEqualTo(OffsetDateTime.parse("2026-10-09T12:30:00+08:00")));
    assertThat(caseFiles.get(caseNumber).status()).isEqualTo("核实中");
    assertThat(verification(caseNumber).state()).as("running again, before its moved warning")
        .isEqualTo(DeadlineState.IN_TIME);
    List<TimelineEntryView> entries = caseFiles.timeline(caseNumber).stream()
        .filter(e -> e.action().equals(CasePauses.ACTION_PAUSED) || e.action().equals(CasePauses.ACTION_RESUMED)).toList();
    assertThat(entries).extracting(TimelineEntryView::action).containsExactly("挂起", "恢复");
    assertThat(entries.get(0).outcome()).contains("等待客户补充资料或同意", "计入客户", "等待客户补充漏水照片");
    assertThat(entries.get(1).outcome()).contains("挂起 19 小时", "初步核实 2026-10-08 17:30 → 2026-10-09 12:30");
    assertThat(jdbc.queryForObject("select paused_working_seconds from case_pause where case_number = ?", Long.class,
        caseNumber)).isEqualTo(19 * 3600L);
  }

  @Test
  void shouldMoveNothingForAPauseCountedToOurselves() throws Exception {
    // given an after-sales request waiting for the reply (12 h)
    clockAt("2026-11-02T09:00:00+08:00");
    ProcessInstance order = startAs("kefu1", "customer-service", "afterSalesService", Intakes.afterSalesRepair("SN-PAUSE-1"));
    Task reply = task(order, "Task_ReplyToCustomer");

    // when it waits a day for spare parts (our side)
    as("kefu1", post("/api/cases/" + order.getBusinessKey() + "/pauses").contentType(MediaType.APPLICATION_JSON)
        .content("{\"type\": \"waiting-parts\", \"reason\": \"配件未到\"}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.party").value("ourselves"))
        .andExpect(jsonPath("$.stopsClock").value(false));
    assertThat(timers(order)).allSatisfy(job -> assertThat(job.isSuspended()).isFalse());
    clockAt("2026-11-03T09:00:00+08:00");
    as("kefu1", post("/api/cases/" + order.getBusinessKey() + "/pauses/resume")).andExpect(status().isOk());

    // then the clock never stopped: the reply is still due 21:00 on the first day
    assertThat(task(order, "Task_ReplyToCustomer").getDueDate()).isEqualTo(reply.getDueDate())
        .isEqualTo(date("2026-11-02T21:00:00+08:00"));
  }

  @Test
  void shouldRemindTheOwnerGroupOnceWhenAPauseRunsLongAndDropTheReminderOnResume() throws Exception {
    clockAt("2026-11-02T09:00:00+08:00");
    ProcessInstance complaint = startAs("kefu1", "customer-service", "complaint", Intakes.complaint());
    String caseNumber = complaint.getBusinessKey();
    as("zhiliang1", post("/api/cases/" + caseNumber + "/pauses").contentType(MediaType.APPLICATION_JSON)
        .content("{\"type\": \"customer-unreachable\", \"reason\": \"三次致电未接\"}")).andExpect(status().isCreated());

    // within 3 working days nothing happens; after them (11-05 17:30) one reminder task for the owner group
    clockAt("2026-11-05T17:00:00+08:00");
    reminder.remindOfLongPauses();
    assertThat(reminders(caseNumber)).isEmpty();
    clockAt("2026-11-06T09:00:00+08:00");
    reminder.remindOfLongPauses();
    reminder.remindOfLongPauses();
    assertThat(reminders(caseNumber)).singleElement().satisfies(task -> {
      assertThat(task.getDueDate()).isEqualTo(date("2026-11-09T17:30:00+08:00"));
      assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(link -> link.getGroupId())
          .contains(caseFiles.get(caseNumber).ownerGroup());
    });

    as("zhiliang1", post("/api/cases/" + caseNumber + "/pauses/resume")).andExpect(status().isOk());
    assertThat(reminders(caseNumber)).isEmpty();
  }

  @Test
  void shouldListThePauseTypesTheCasesProcessAllowsInTheTablesOrder() throws Exception {
    clockAt("2026-11-02T09:00:00+08:00");
    ProcessInstance complaint = startAs("kefu1", "customer-service", "complaint", Intakes.complaint());
    ProcessInstance order = startAs("kefu1", "customer-service", "afterSalesService", Intakes.afterSalesRepair("SN-PAUSE-TYPES"));

    as("kefu1", get("/api/cases/" + complaint.getBusinessKey() + "/pauses/types"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(2))
        .andExpect(jsonPath("$[0].type").value("customer-information"))
        .andExpect(jsonPath("$[0].label").value("等待客户补充资料或同意"))
        .andExpect(jsonPath("$[0].partyLabel").value("客户"))
        .andExpect(jsonPath("$[1].type").value("customer-unreachable"))
        .andExpect(jsonPath("$[1].stopsClock").value(true))
        .andExpect(jsonPath("$[1].maxWorkdays").value(3));
    as("kefu1", get("/api/cases/" + order.getBusinessKey() + "/pauses/types"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[*].type").value(org.hamcrest.Matchers.contains(
            "customer-information", "customer-unreachable", "waiting-parts", "at-factory")))
        .andExpect(jsonPath("$[2].party").value("ourselves"))
        .andExpect(jsonPath("$[2].partyLabel").value("我方"))
        .andExpect(jsonPath("$[2].stopsClock").value(false))
        .andExpect(jsonPath("$[3].partyLabel").value("供应商"));
    mvc.perform(get("/api/cases/" + order.getBusinessKey() + "/pauses/types")).andExpect(status().isUnauthorized());
    as("kefu1", get("/api/cases/TS0000000000/pauses/types")).andExpect(status().isNotFound());

    // a pause is listed with its type's Chinese name
    as("kefu1", post("/api/cases/" + order.getBusinessKey() + "/pauses").contentType(MediaType.APPLICATION_JSON)
        .content("{\"type\": \"at-factory\", \"reason\": \"返厂检测\"}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.label").value("返厂维修"));
    as("kefu1", get("/api/cases/" + order.getBusinessKey() + "/pauses"))
        .andExpect(jsonPath("$[0].type").value("at-factory"))
        .andExpect(jsonPath("$[0].label").value("返厂维修"));
  }

  @Test
  void shouldRefuseBadPausesAndWriteNothing() throws Exception {
    clockAt("2026-11-02T09:00:00+08:00");
    ProcessInstance complaint = startAs("kefu1", "customer-service", "complaint", Intakes.complaint());
    String caseNumber = complaint.getBusinessKey();
    String path = "/api/cases/" + caseNumber + "/pauses";
    int timelineBefore = caseFiles.timeline(caseNumber).size();

    as("zhiliang1", post(path).contentType(MediaType.APPLICATION_JSON).content("{\"type\": \"customer-information\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reason"));
    as("zhiliang1", post(path).contentType(MediaType.APPLICATION_JSON)
        .content("{\"type\": \"at-factory\", \"reason\": \"返厂\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("type"));
    as("kufang", post(path).contentType(MediaType.APPLICATION_JSON)
        .content("{\"type\": \"customer-information\", \"reason\": \"x\"}"))
        .andExpect(status().isForbidden());
    mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON)
        .content("{\"type\": \"customer-information\", \"reason\": \"x\"}")).andExpect(status().isUnauthorized());
    as("zhiliang1", post(path + "/resume")).andExpect(status().isConflict());
    as("zhiliang1", post("/api/cases/TS0000000000/pauses/resume")).andExpect(status().isNotFound());

    assertThat(jdbc.queryForObject("select count(*) from case_pause where case_number = ?", Integer.class, caseNumber))
        .isZero();
    assertThat(caseFiles.timeline(caseNumber)).hasSize(timelineBefore);
    assertThat(timers(complaint)).allSatisfy(job -> assertThat(job.isSuspended()).isFalse());

    // a second pause while one runs is a conflict
    as("zhiliang1", post(path).contentType(MediaType.APPLICATION_JSON)
        .content("{\"type\": \"customer-information\", \"reason\": \"等待资料\"}")).andExpect(status().isCreated());
    as("zhiliang1", post(path).contentType(MediaType.APPLICATION_JSON)
        .content("{\"type\": \"customer-unreachable\", \"reason\": \"联系不上\"}")).andExpect(status().isConflict());
    as("zhiliang1", get(path)).andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1));
  }

  // ------------------------------------------------------------------------------------------ helpers

  private ResultActions as(String user,
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Basic "
        + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8))));
  }

  private List<Task> reminders(String caseNumber) {
    return taskService.createTaskQuery().taskName("挂起超时提醒：" + caseNumber).list();
  }

  private List<Job> timers(ProcessInstance instance) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).timers().list();
  }


  private CaseView.Deadline verification(String caseNumber) {
    return caseFiles.get(caseNumber).deadlines().stream().filter(d -> d.kind().equals("VERIFICATION")).findFirst()
        .orElseThrow();
  }

}
