package org.serviceflow.recall;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.serviceflow.casefile.TimelineEntryView;
import org.serviceflow.support.Intakes;
import org.serviceflow.support.PostgresIntegrationTest;
import org.serviceflow.support.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * 撤回 over REST on the whole application (real PostgreSQL): a 12345 dispatch before the unit signs, a complaint's
 * solution before its approval, an after-sales dispatch before the appointment; the process state, the re-opened task's assignee, the timeline entry and the notice
 * to the cancelled step's group; and refusals (400 / 403 / 404 / 409) that change nothing.
 */
@PostgresIntegrationTest
class RecallIT extends ProcessTestSupport {

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldRecallA12345DispatchBeforeTheUnitSignsAndRefuseItOnceSigned() {
    // given an appeal the operator huawu dispatched to 住建局 (unit-housing), waiting unsigned at 签收
    clockAt("2026-11-02T09:00:00+08:00");
    ProcessInstance appeal = startAs("huawu", "hotline-operators", "hotline12345",
        Intakes.hotlineAppeal("complaint", "normal", "housing", "district-a"));
    String caseNumber = appeal.getBusinessKey();
    String triageStatus = caseFiles.get(caseNumber).status();
    completeAs(appeal, "Task_TriageAppeal", "huawu", Map.of("triageResult", "dispatch"));
    Task signFor = task(appeal, "Task_SignFor");
    assertThat(candidateGroups(signFor)).containsExactly("unit-housing");
    assertThat(signFor.getAssignee()).isNull();
    clockAt("2026-11-02T09:10:00+08:00");

    // refused: bad input names the field, someone else is not the one who dispatched, an unknown case is 404
    State before = state(appeal);
    assertProblem(recall("huawu", caseNumber, Map.of("taskDefinitionKey", "Task_TriageAppeal")),
        HttpStatus.BAD_REQUEST, "reason");
    assertProblem(recall("huawu", caseNumber, Map.of("taskDefinitionKey", "Task_SignFor", "reason", "派错了")),
        HttpStatus.BAD_REQUEST, "taskDefinitionKey");
    assertProblem(recall("huawu", caseNumber, Map.of("reason", "派错了")), HttpStatus.BAD_REQUEST, "taskDefinitionKey");
    assertProblem(recall("paidan", caseNumber, Map.of("taskDefinitionKey", "Task_TriageAppeal", "reason", "派错了")),
        HttpStatus.FORBIDDEN, null);
    assertProblem(recall("huawu", "RX000000-0000", Map.of("taskDefinitionKey", "Task_TriageAppeal",
        "reason", "派错了")), HttpStatus.NOT_FOUND, null);
    assertThat(state(appeal)).as("refusals change nothing").isEqualTo(before);

    // when the operator recalls the dispatch
    ResponseEntity<JsonNode> recalled = recall("huawu", caseNumber,
        Map.of("taskDefinitionKey", "Task_TriageAppeal", "reason", "承办单位派错，应派市场监管局"));

    // then 签收 is gone, 即时办结或派单 is open again for huawu, the timeline says so and the unit is told
    assertThat(recalled.getStatusCode()).as("%s", recalled.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(recalled.getBody().get("assignee").asText()).isEqualTo("huawu");
    assertThat(recalled.getBody().get("taskDefinitionKey").asText()).isEqualTo("Task_TriageAppeal");
    assertThat(openTasks(appeal)).containsExactly("Task_TriageAppeal");
    assertThat(task(appeal, "Task_TriageAppeal").getAssignee()).isEqualTo("huawu");
    assertThat(caseFiles.get(caseNumber).status()).isEqualTo(triageStatus);
    TimelineEntryView entry = last(caseNumber);
    assertThat(entry.action()).isEqualTo("撤回");
    assertThat(entry.actor()).isEqualTo("huawu");
    assertThat(entry.activityId()).isEqualTo("Task_TriageAppeal");
    assertThat(entry.outcome()).isEqualTo("撤回“即时办结或派单”，“签收”已取消；原因：承办单位派错，应派市场监管局");
    assertThat(templatesSentTo(caseNumber, "zhujian")).contains("recall.recalled");
    assertThat(jdbc.queryForObject("select body from notification where case_number = ? and recipient = 'zhujian' "
        + "and channel = 'INBOX' and template_key = 'recall.recalled'", String.class, caseNumber))
        .contains("胡军（huawu）", "“即时办结或派单”", "“签收”已取消", "承办单位派错，应派市场监管局", "/cases/" + caseNumber);

    // when the operator dispatches again and the unit's clerk saves a note on 签收 without claiming it
    completeAs(appeal, "Task_TriageAppeal", "huawu", Map.of("triageResult", "dispatch"));
    String again = task(appeal, "Task_SignFor").getId();
    identityService.setAuthentication("zhujian", List.of("unit-housing"));
    try {
      taskService.setVariableLocal(again, "signNote", "正在核实地址");
    } finally {
      identityService.clearAuthentication();
    }
    State started = state(appeal);

    // then the step has been started on: refused, nothing changes
    ResponseEntity<JsonNode> startedOn = recall("huawu", caseNumber,
        Map.of("taskDefinitionKey", "Task_TriageAppeal", "reason", "再撤回一次"));
    assertProblem(startedOn, HttpStatus.CONFLICT, null);
    assertThat(startedOn.getBody().get("detail").asText()).contains("“签收”已开始办理");
    assertThat(state(appeal)).isEqualTo(started);

    // when the unit's clerk takes 签收
    taskService.setAssignee(again, "zhujian");
    State claimed = state(appeal);

    // then the recall is refused with the reason, and nothing changes
    ResponseEntity<JsonNode> refused = recall("huawu", caseNumber,
        Map.of("taskDefinitionKey", "Task_TriageAppeal", "reason", "再撤回一次"));
    assertProblem(refused, HttpStatus.CONFLICT, null);
    assertThat(refused.getBody().get("detail").asText()).contains("签收", "已由 zhujian 认领");
    assertThat(state(appeal)).isEqualTo(claimed);
  }

  @Test
  void shouldRecallAComplaintSolutionBeforeApprovalButNotOnceTheResultWasToldToTheCustomer() {
    // given a complaint whose solution (800 yuan compensation) zhiliang1 proposed, waiting for the approval of
    // 质量管理部负责人 (quality-lead)
    clockAt("2026-11-02T09:00:00+08:00");
    ProcessInstance complaint = startAs("kefu1", "customer-service", "complaint", Intakes.complaint());
    String caseNumber = complaint.getBusinessKey();
    moveTo(complaint, "Task_ProposeSolution");
    completeAs(complaint, "Task_ProposeSolution", "zhiliang1", solution(800));
    Task approval = task(complaint, "Task_ApproveSolution");
    assertThat(approval.getAssignee()).isNull();
    long resolutionTimers = resolutionTimers(complaint);
    State before = state(complaint);

    // refused: not the proposer
    assertProblem(recall("zhiliang2", caseNumber, Map.of("taskDefinitionKey", "Task_ProposeSolution",
        "reason", "金额写错")), HttpStatus.FORBIDDEN, null);
    assertThat(state(complaint)).isEqualTo(before);

    // when the proposer recalls it
    ResponseEntity<JsonNode> recalled = recall("zhiliang1", caseNumber,
        Map.of("taskDefinitionKey", "Task_ProposeSolution", "reason", "赔偿金额写错"));

    // then the solution is open again for zhiliang1 in the same 解决方案与落实 subprocess (its timers not doubled)
    assertThat(recalled.getStatusCode()).as("%s", recalled.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(openTasks(complaint)).containsExactly("Task_ProposeSolution");
    assertThat(task(complaint, "Task_ProposeSolution").getAssignee()).isEqualTo("zhiliang1");
    assertThat(resolutionTimers(complaint)).isEqualTo(resolutionTimers);
    assertThat(last(caseNumber).action()).isEqualTo("撤回");
    assertThat(last(caseNumber).actor()).isEqualTo("zhiliang1");
    assertThat(last(caseNumber).outcome())
        .isEqualTo("撤回“分析原因并提出解决方案”，“审批解决方案”已取消；原因：赔偿金额写错");
    assertThat(templatesSentTo(caseNumber, "zhiliangzhuguan")).contains("recall.recalled");

    // when it is proposed again and approved, the case has moved on: no recall
    completeAs(complaint, "Task_ProposeSolution", "zhiliang1", solution(600));
    completeAs(complaint, "Task_ApproveSolution", "zhiliangzhuguan", Map.of("approvalDecision", "approved"));
    assertThat(openTasks(complaint)).containsExactly("Task_ImplementSolution");
    State approved = state(complaint);
    assertProblem(recall("zhiliang1", caseNumber, Map.of("taskDefinitionKey", "Task_ProposeSolution",
        "reason", "再改")), HttpStatus.CONFLICT, null);
    assertThat(state(complaint)).isEqualTo(approved);
  }

  @Test
  void shouldRefuseToRecallASolutionOnceTheResultWasToldToTheCustomer() {
    // given a complaint whose result was told to the customer, then handled again: a new solution waits for approval
    clockAt("2026-11-02T09:00:00+08:00");
    ProcessInstance complaint = startAs("kefu1", "customer-service", "complaint", Intakes.complaint());
    String caseNumber = complaint.getBusinessKey();
    moveTo(complaint, "Task_NotifyCustomerOfResult");
    completeAs(complaint, "Task_NotifyCustomerOfResult", "kefu1", Map.of("resultNote", "电话告知"));
    moveTo(complaint, "Task_ProposeSolution");
    completeAs(complaint, "Task_ProposeSolution", "zhiliang1", solution(800));
    assertThat(openTasks(complaint)).containsExactly("Task_ApproveSolution");
    State before = state(complaint);

    // when the proposer recalls it
    ResponseEntity<JsonNode> refused = recall("zhiliang1", caseNumber,
        Map.of("taskDefinitionKey", "Task_ProposeSolution", "reason", "赔偿金额写错"));

    // then the rule refuses it with its reason, and nothing changes
    assertProblem(refused, HttpStatus.CONFLICT, null);
    assertThat(refused.getBody().get("detail").asText()).contains("处理结果已告知客户");
    assertThat(state(complaint)).isEqualTo(before);
  }

  @Test
  void shouldRecallAnAfterSalesDispatchBeforeTheAppointmentButNotOnceTheTechnicianIsOnTheWay() {
    // given a repair the after-sales manager shouhou dispatched to jishu, the appointment not yet agreed
    clockAt("2026-11-02T09:00:00+08:00");
    ProcessInstance order = startAs("kefu1", "customer-service", "afterSalesService",
        Intakes.afterSalesRepair("SN-RECALL-1"));
    String caseNumber = order.getBusinessKey();
    moveTo(order, "Task_DispatchTechnician");
    completeAs(order, "Task_DispatchTechnician", "shouhou", Map.of("technician", "jishu", "dispatchNote", "派给杨磊"));
    // 预约上门时间 went to kefu1, the first-ask owner, as it was created: nobody has claimed it
    assertThat(task(order, "Task_AgreeAppointment").getAssignee()).isEqualTo("kefu1");
    State before = state(order);
    assertProblem(recall("kefu1", caseNumber, Map.of("taskDefinitionKey", "Task_DispatchTechnician",
        "reason", "改派")), HttpStatus.FORBIDDEN, null);
    assertThat(state(order)).isEqualTo(before);

    // when the manager recalls the dispatch
    ResponseEntity<JsonNode> recalled = recall("shouhou", caseNumber,
        Map.of("taskDefinitionKey", "Task_DispatchTechnician", "reason", "杨磊请假，改派"));

    // then 派工 is open again for shouhou, 预约上门时间 is gone and customer service is told
    assertThat(recalled.getStatusCode()).as("%s", recalled.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(openTasks(order)).containsExactly("Task_DispatchTechnician");
    assertThat(task(order, "Task_DispatchTechnician").getAssignee()).isEqualTo("shouhou");
    assertThat(last(caseNumber).action()).isEqualTo("撤回");
    assertThat(last(caseNumber).outcome()).isEqualTo("撤回“派工”，“预约上门时间”已取消；原因：杨磊请假，改派");
    assertThat(templatesSentTo(caseNumber, "kefu2")).contains("recall.recalled");

    // when it is dispatched again and the appointment agreed: the technician is on the way, no recall
    completeAs(order, "Task_DispatchTechnician", "shouhou", Map.of("technician", "jishu", "dispatchNote", "仍派杨磊"));
    completeAs(order, "Task_AgreeAppointment", "kefu1",
        Map.of("appointmentAt", "2026-11-03T10:00+08:00", "appointmentNote", "客户在家"));
    assertThat(openTasks(order)).containsExactly("Task_ArriveOnSite");
    State onTheWay = state(order);
    assertProblem(recall("shouhou", caseNumber, Map.of("taskDefinitionKey", "Task_DispatchTechnician",
        "reason", "再改派")), HttpStatus.CONFLICT, null);
    assertThat(state(order)).isEqualTo(onTheWay);
  }

  // ------------------------------------------------------------------------------------------ helpers

  /** What a refusal must leave as it was: open tasks with their assignees, timeline length, outbox size. */
  record State(List<String> tasks, int timeline, int outbox) {
  }

  private State state(ProcessInstance instance) {
    List<String> tasks = taskService.createTaskQuery().processInstanceId(instance.getId()).orderByTaskId().asc().list()
        .stream().map(t -> t.getId() + " " + t.getTaskDefinitionKey() + " " + t.getAssignee()).toList();
    return new State(tasks, timeline(instance.getBusinessKey()).size(), jdbc.queryForObject(
        "select count(*) from notification where case_number = ?", Integer.class, instance.getBusinessKey()));
  }

  private List<String> openTasks(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).list().stream()
        .map(Task::getTaskDefinitionKey).toList();
  }

  private long resolutionTimers(ProcessInstance instance) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).timers().count();
  }

  private void completeAs(ProcessInstance instance, String taskKey, String user, Map<String, Object> variables) {
    Task task = task(instance, taskKey);
    taskService.setAssignee(task.getId(), user);
    taskService.complete(task.getId(), variables);
  }

  private static Map<String, Object> solution(int amount) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("cause", "密封圈老化");
    variables.put("responsiblePerson", "王五");
    variables.put("solution", "更换新品并赔偿");
    variables.put("compensationInvolved", true);
    variables.put("compensationAmount", amount);
    variables.put("resolutionMode", "immediate");
    return variables;
  }

  private ResponseEntity<JsonNode> recall(String user, String caseNumber, Object body) {
    return rest.withBasicAuth(user, "demo").postForEntity("/api/cases/" + caseNumber + "/recall", body, JsonNode.class);
  }

  private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String field) {
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
    assertThat(response.getBody().get("status").asInt()).isEqualTo(status.value());
    assertThat(response.getBody().get("detail").asText()).isNotBlank();
    if (field != null) {
      assertThat(response.getBody().get("errors").get(0).get("field").asText()).isEqualTo(field);
    }
  }

  private TimelineEntryView last(String caseNumber) {
    List<TimelineEntryView> entries = timeline(caseNumber);
    return entries.get(entries.size() - 1);
  }
}
