package org.serviceflow.complaint;

import org.serviceflow.support.ProcessEngineTest;
import org.serviceflow.support.ProcessTestSupport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.serviceflow.support.ReportRows.rows;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import java.time.YearMonth;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.casefile.CaseFlags;
import org.serviceflow.reporting.ReportCompilers;
import org.serviceflow.segregation.DutySegregationException;
import org.serviceflow.reporting.ReportFigures;
import org.serviceflow.reporting.ReportType;
import org.serviceflow.casefile.CaseView;
import org.serviceflow.casefile.TimelineEntryView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Drives every path of complaint.bpmn with the real calendar, case file and notification outbox
 * (PROCESSES.md A). Timers are fired by moving the engine clock and executing the due jobs.
 * The class asserts 100% flow-node and sequence-flow coverage of the model (see {@link ProcessEngineTest}).
 */
@ProcessEngineTest
class ComplaintProcessTest extends ProcessTestSupport {

  /** A Monday, so that every working-day deadline below is plain arithmetic. */
  static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2026-11-02T09:00:00+08:00");

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired ReportCompilers reports;
  @Autowired TestRestTemplate rest;
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeEach
  void initAssertions() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  // ------------------------------------------------------------------------------------------ first-ask owner


  /**
   * 首问负责人: a clerk who left customer-service after taking the complaint is passed over — the result notification
   * stays with the group and the timeline says so — and the lead transfers it (转办), replacing the owner.
   */
  @Test
  void shouldLeaveTheTaskOfAnOwnerWhoLeftCustomerServiceToTheGroupForTheLeadToTransfer() {
    org.camunda.bpm.engine.identity.User clerk = identityService.newUser("kefu9");
    clerk.setLastName("赵");
    clerk.setFirstName("敏");
    identityService.saveUser(clerk);
    identityService.createMembership("kefu9", "customer-service");
    try {
      ClockUtil.setCurrentTime(date(RECEIVED));
      ProcessInstance complaint = startAs("kefu9", "customer-service", ComplaintVariables.PROCESS_KEY, intake());
      String caseNumber = complaint.getBusinessKey();
      respondAndVerify(complaint);
      propose(complaint, false, null, "immediate");
      identityService.deleteMembership("kefu9", "customer-service"); // moved to another department
      complete(complaint, "Task_ImplementSolution", Map.of("implementationResult", "已更换新品"));

      Task notify = task(complaint, "Task_NotifyCustomerOfResult");
      assertThat(notify.getAssignee()).as("the owner is no longer in customer-service").isNull();
      assertThat(candidateGroups(notify)).containsExactly("customer-service");
      TimelineEntryView passedOver = timeline(caseNumber).get(timeline(caseNumber).size() - 1);
      assertThat(passedOver.action()).isEqualTo("首问负责");
      assertThat(passedOver.activityId()).isEqualTo("Task_NotifyCustomerOfResult");
      assertThat(passedOver.actor()).isEqualTo("系统");
      assertThat(passedOver.outcome()).isEqualTo(
          "首问负责人 kefu9 已不在customer-service组，“告知处理结果”留给 customer-service 组办理，由主管转办");

      org.springframework.http.ResponseEntity<com.fasterxml.jackson.databind.JsonNode> transferred = rest
          .withBasicAuth("kefuzhuguan", "demo").postForEntity("/api/tasks/" + notify.getId() + "/transfer",
              Map.of("to", "kefu2", "reason", "原首问负责人已调岗"), com.fasterxml.jackson.databind.JsonNode.class);
      assertThat(transferred.getStatusCode().value()).as("%s", transferred.getBody()).isEqualTo(200);
      assertThat(task(complaint, "Task_NotifyCustomerOfResult").getAssignee()).isEqualTo("kefu2");
      List<TimelineEntryView> entries = timeline(caseNumber);
      TimelineEntryView transfer = entries.get(entries.size() - 1);
      assertThat(transfer.action()).isEqualTo("转办");
      assertThat(transfer.actor()).isEqualTo("kefuzhuguan");
      assertThat(transfer.outcome()).isEqualTo(
          "“告知处理结果”转办给 李娜（kefu2），替换首问负责人 赵敏（kefu9）；原因：原首问负责人已调岗");
    } finally {
      identityService.deleteUser("kefu9");
    }
  }

  // ------------------------------------------------------------------------------------------ paths

  @Test
  void shouldExplainAnInvalidComplaintAndClose() {
    ProcessInstance complaint = receive(intake());
    String caseNumber = complaint.getBusinessKey();

    complete(complaint, "Task_FirstResponse", Map.of("firstResponseChannel", "phone", "firstResponseNote", "已致电"));
    complete(complaint, "Task_VerifyComplaint", Map.of("verificationResult", "not-valid", "verificationNote", "产品使用不当"));
    Task explain = task(complaint, "Task_ExplainToCustomer");
    assertThat(candidateGroups(explain)).containsExactly("customer-service");
    assertThat(explain.getAssignee()).as("the first-ask owner, who took the complaint").isEqualTo("kefu1");
    complete(complaint, "Task_ExplainToCustomer", Map.of("explanationNote", "已说明使用方法", "customerUnderstood", true));
    executeJobs(complaint);

    assertThat(complaint).hasPassedInOrder("Task_VerifyComplaint", "Task_ExplainToCustomer",
        "Task_CloseNotValidComplaint", "EndEvent_ComplaintNotValid").isEnded();
    CaseView file = caseFiles.get(caseNumber);
    assertThat(file.status()).isEqualTo(CaseFileService.STATUS_CLOSED);
    assertThat(file.outcome()).isEqualTo("投诉不成立，已向客户解释说明");
    assertThat(file.flaggedForReview()).isFalse();
    assertThat(templatesSentTo(caseNumber, "13812345678")).containsExactly(
        "complaint.acknowledged", "complaint.notValidExplained");
    assertThat(actions(caseNumber)).containsSubsequence("受理", "首次响应", "初步核实", "解释说明", "结案");
  }

  @Test
  void shouldFlagACaseClosedAfterTheHardLimitForReview() {
    Map<String, Object> intake = intake();
    intake.put("customerEmail", "");  // an untouched optional field of the start form
    ProcessInstance complaint = receive(intake);
    String caseNumber = complaint.getBusinessKey();
    complete(complaint, "Task_FirstResponse", Map.of("firstResponseChannel", "phone", "firstResponseNote", "已致电"));

    ClockUtil.setCurrentTime(date(RECEIVED.plusDays(15)));
    complete(complaint, "Task_VerifyComplaint", Map.of("verificationResult", "not-valid", "verificationNote", "不属实"));
    complete(complaint, "Task_ExplainToCustomer", Map.of("explanationNote", "已说明", "customerUnderstood", false));
    executeJobs(complaint);

    CaseView file = caseFiles.get(caseNumber);
    assertThat(file.closedAt()).isEqualTo(RECEIVED.plusDays(15));
    assertThat(file.flaggedForReview()).isTrue();
    assertThat(file.reviewReason()).isEqualTo("结案超过期限：受理后 14 天");
    assertThat(file.customerEmail()).isNull();
    assertThat(outbox(caseNumber)).extracting(row -> row.get("channel")).containsOnly("SMS");
  }

  @Test
  void shouldSolveAValidComplaintAtOnce() {
    ProcessInstance complaint = receive(intake());
    String caseNumber = complaint.getBusinessKey();

    Task firstResponse = task(complaint, "Task_FirstResponse");
    assertThat(candidateGroups(firstResponse)).containsExactly("quality");
    assertThat(firstResponse.getAssignee()).as("least-loaded member of quality").isIn("zhiliang1", "zhiliang2");
    complete(complaint, "Task_FirstResponse", Map.of("firstResponseChannel", "phone", "firstResponseNote", "已致电"));
    verifyValid(complaint);
    propose(complaint, false, null, "immediate");
    complete(complaint, "Task_ImplementSolution", Map.of("implementationResult", "已更换新品"));
    Task notify = task(complaint, "Task_NotifyCustomerOfResult");
    assertThat(notify.getAssignee()).as("the first-ask owner").isEqualTo("kefu1");
    assertThat(candidateGroups(notify)).containsExactly("customer-service");
    complete(complaint, "Task_NotifyCustomerOfResult", Map.of("resultNote", "电话告知"));
    assertThat(candidateGroups(task(complaint, "Task_ReturnVisit"))).containsExactly("customer-service");
    assertThat(task(complaint, "Task_ReturnVisit").getAssignee()).as("the first-ask owner").isEqualTo("kefu1");
    complete(complaint, "Task_ReturnVisit", Map.of("satisfaction", "satisfied", "returnVisitNote", "满意"));
    executeJobs(complaint);

    assertThat(complaint).hasPassedInOrder("Task_ProposeSolution", "Task_ImplementSolution",
        "Task_NotifyCustomerOfResult", "Task_ReturnVisit", "Task_CloseCase", "EndEvent_ComplaintClosed").isEnded();
    assertThat(complaint).hasNotPassed("Task_DetermineApprover", "Task_SendTimetable", "Task_DecideDiscipline",
        "Task_NotifyGeneralManager");
    CaseView file = caseFiles.get(caseNumber);
    assertThat(file.outcome()).isEqualTo("投诉属实，已处理，客户满意");
    assertThat(file.ownerUser()).isEqualTo("kefu1");
    assertThat(file.deadlines()).extracting(CaseView.Deadline::kind)
        .containsExactlyInAnyOrder("FIRST_RESPONSE", "VERIFICATION", "RESOLUTION", "RETURN_VISIT");
    assertThat(file.deadlines()).allSatisfy(deadline -> assertThat(deadline.metAt()).isNotNull());
    assertThat(file.deadlines()).filteredOn(deadline -> deadline.kind().equals("RESOLUTION")).singleElement()
        .satisfies(deadline -> {
          assertThat(deadline.warningAt()).isEqualTo(RECEIVED.plusDays(7));
          assertThat(deadline.dueAt()).isEqualTo(RECEIVED.plusDays(14));
        });
    assertThat(templatesSentTo(caseNumber, "13812345678")).containsExactly("complaint.acknowledged", "complaint.result");
    assertThat(outbox(caseNumber)).filteredOn(row -> "complaint.acknowledged".equals(row.get("template_key")))
        .extracting(row -> (String) row.get("body"))
        .containsOnly("李四您好：您于 2026-11-02 09:00 提出的投诉已受理，编号 " + caseNumber
            + "。处理部门将在 24 小时内与您联系。如需查询，请向客服提供此编号。");
    assertThat(templatesSentTo(caseNumber, "li@example.com")).containsExactly("complaint.acknowledged", "complaint.result");
    assertThat(timeline(caseNumber)).anySatisfy(entry -> {
      assertThat(entry.action()).isEqualTo("初步核实");
      assertThat(entry.outcome()).contains("verificationResult=valid");
    });
  }

  @ParameterizedTest(name = "{0} yuan approved by {1}")
  @CsvSource({"800, quality-lead", "1000, quality-lead", "5000, general-manager", "20000, general-manager"})
  void shouldHaveACompensationApprovedByAuthority(int amount, String approverGroup) {
    ProcessInstance complaint = receive(intake());
    respondAndVerify(complaint);

    propose(complaint, true, amount, "immediate");

    assertThat(candidateGroups(task(complaint, "Task_ApproveSolution"))).containsExactly(approverGroup);
    complete(complaint, "Task_ApproveSolution", Map.of("approvalDecision", "approved", "approvalNote", "同意"));
    assertThat(complaint).isWaitingAt("Task_ImplementSolution");
  }

  @Test
  void shouldOfferASmallCompensationToTheDepartmentLeadNotToTheWholeDepartment() {
    // given a quality clerk's 800-yuan compensation (≤ 1,000 yuan: the department lead, PROCESSES.md A.6)
    ProcessInstance complaint = receive(intake());
    String caseNumber = complaint.getBusinessKey();
    respondAndVerify(complaint);
    completeAs(complaint, "Task_ProposeSolution", "zhiliang1", List.of("quality"), solution(true, 800, "immediate"));

    // then 质量管理部负责人 sees it, the quality clerks do not, and the timeline has no fallback entry
    Task approval = task(complaint, "Task_ApproveSolution");
    assertThat(candidateGroups(approval)).containsExactly("quality-lead");
    assertThat(runtimeService.getVariable(complaint.getId(), ComplaintVariables.APPROVER_GROUP)).isEqualTo("quality-lead");
    identityService.setAuthentication("zhiliang2", List.of("quality"));
    assertThat(filterTasks(complaint, "我组待办")).isEmpty();
    identityService.setAuthentication("zhiliangzhuguan", List.of("quality-lead"));
    assertThat(filterTasks(complaint, "我组待办")).containsExactly(approval.getId());
    taskService.claim(approval.getId(), "zhiliangzhuguan");
    taskService.complete(approval.getId(), Map.of("approvalDecision", "approved", "approvalNote", "同意"));
    identityService.clearAuthentication();
    assertThat(complaint).isWaitingAt("Task_ImplementSolution");
    assertThat(timeline(caseNumber)).filteredOn(entry -> "Task_DetermineApprover".equals(entry.activityId())).isEmpty();
    assertThat(timeline(caseNumber)).filteredOn(entry -> "Task_ApproveSolution".equals(entry.activityId()))
        .singleElement().satisfies(entry -> assertThat(entry.actor()).isEqualTo("zhiliangzhuguan"));
  }

  @Test
  void shouldLetTheHandlingGroupApproveWhenItHasNoLeadAndSaySoOnTheTimeline() {
    // given a staff complaint, handled by 客服主管 (customer-service-lead), which has no lead group of its own
    Map<String, Object> intake = intake();
    intake.put("category", "staff-attitude");
    ProcessInstance complaint = receive(intake);
    String caseNumber = complaint.getBusinessKey();
    respondAndVerify(complaint);
    assertThat(identityService.createGroupQuery().groupId("customer-service-lead-lead").count()).isZero();

    // when a 600-yuan compensation is proposed
    propose(complaint, true, 600, "immediate");

    // then the handling group itself approves it, and the timeline says why
    assertThat(candidateGroups(task(complaint, "Task_ApproveSolution"))).containsExactly("customer-service-lead");
    assertThat(timeline(caseNumber)).filteredOn(entry -> "Task_DetermineApprover".equals(entry.activityId()))
        .singleElement().satisfies(entry -> {
          assertThat(entry.action()).isEqualTo("确定审批权限");
          assertThat(entry.actor()).isEqualTo("系统");
          assertThat(entry.outcome()).isEqualTo("客服主管（customer-service-lead）未设负责人"
              + "（组 customer-service-lead-lead 无成员），“审批解决方案”改由处理部门 customer-service-lead 审批");
        });
    complete(complaint, "Task_ApproveSolution", Map.of("approvalDecision", "approved"));
    assertThat(complaint).isWaitingAt("Task_ImplementSolution");
  }

  @Test
  void shouldLetTheDepartmentApproveWhileItsLeadGroupHasNoMember() {
    // given 质量管理部负责人 without members (the lead left, nobody appointed yet)
    identityService.deleteMembership("zhiliangzhuguan", "quality-lead");
    try {
      ProcessInstance complaint = receive(intake());
      respondAndVerify(complaint);

      propose(complaint, true, 800, "immediate");

      assertThat(candidateGroups(task(complaint, "Task_ApproveSolution"))).containsExactly("quality");
      assertThat(timeline(complaint.getBusinessKey())).filteredOn(e -> "Task_DetermineApprover".equals(e.activityId()))
          .extracting(TimelineEntryView::outcome).containsExactly(
              "质量管理部（quality）未设负责人（组 quality-lead 无成员），“审批解决方案”改由处理部门 quality 审批");
    } finally {
      identityService.createMembership("zhiliangzhuguan", "quality-lead");
    }
  }

  @Test
  void shouldKeepTheProposerOffTheApprovalOfTheirOwnSolution() {
    // given zhiliang1, a quality clerk who is also a lead of 质量管理部, proposes an 800-yuan compensation, which
    // the department's leads approve
    identityService.createMembership("zhiliang1", "quality-lead");
    try {
      ProcessInstance complaint = receive(intake());
      respondAndVerify(complaint);
      List<String> proposerGroups = List.of("quality", "quality-lead");
      completeAs(complaint, "Task_ProposeSolution", "zhiliang1", proposerGroups, solution(true, 800, "immediate"));
      Task approval = task(complaint, "Task_ApproveSolution");
      assertThat(candidateGroups(approval)).containsExactly("quality-lead");
      assertThat(runtimeService.getVariable(complaint.getId(), ComplaintVariables.SOLUTION_PROPOSER))
          .isEqualTo("zhiliang1");

      // then the proposer neither sees, claims nor completes it (职责分离), and nobody can hand it to them
      identityService.setAuthentication("zhiliang1", proposerGroups);
      assertThat(taskService.createTaskQuery().processInstanceId(complaint.getId()).list()).isEmpty();
      assertThat(filterTasks(complaint, "我组待办")).isEmpty();
      assertThatThrownBy(() -> taskService.claim(approval.getId(), "zhiliang1"))
          .isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> taskService.complete(approval.getId(), Map.of("approvalDecision", "approved")))
          .isInstanceOf(AuthorizationException.class);
      identityService.clearAuthentication();
      assertThatThrownBy(() -> taskService.setAssignee(approval.getId(), "zhiliang1"))
          .isInstanceOf(ProcessEngineException.class).hasRootCauseInstanceOf(DutySegregationException.class)
          .hasMessageContaining("职责分离：zhiliang1 是本事项的提出人，不能查看、认领、接办或完成对自己所提事项的“审批解决方案”");
      assertThat(task(complaint, "Task_ApproveSolution").getAssignee()).isNull();

      // while the other lead sees, claims and approves it
      identityService.setAuthentication("zhiliangzhuguan", List.of("quality-lead"));
      assertThat(filterTasks(complaint, "我组待办")).containsExactly(approval.getId());
      taskService.claim(approval.getId(), "zhiliangzhuguan");
      taskService.complete(approval.getId(), Map.of("approvalDecision", "approved", "approvalNote", "同意"));
      identityService.clearAuthentication();
      assertThat(complaint).isWaitingAt("Task_ImplementSolution");
      assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceId(approval.getId()).count())
          .as("the task's authorizations, the proposer's REVOKE included, end with the task").isZero();
    } finally {
      identityService.deleteMembership("zhiliang1", "quality-lead");
    }
  }

  /** Claims and completes the task as the given user, signed in with the given groups. */
  private void completeAs(ProcessInstance instance, String activityId, String user, List<String> groups,
      Map<String, Object> variables) {
    identityService.setAuthentication(user, groups);
    try {
      String taskId = task(instance, activityId).getId();
      taskService.claim(taskId, user);
      taskService.complete(taskId, variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** The filter's tasks of this case, as the signed-in user. */
  private List<String> filterTasks(ProcessInstance instance, String filterName) {
    String filterId = engine.getFilterService().createFilterQuery().filterName(filterName).singleResult().getId();
    return engine.getFilterService().list(filterId, taskService.createTaskQuery().processInstanceId(instance.getId()))
        .stream().map(Task::getId).toList();
  }

  @Test
  void shouldSendARejectedSolutionBackAndTellTheCustomerTheTimetable() {
    ProcessInstance complaint = receive(intake());
    String caseNumber = complaint.getBusinessKey();
    respondAndVerify(complaint);
    propose(complaint, true, 3000, "immediate");

    complete(complaint, "Task_ApproveSolution", Map.of("approvalDecision", "rejected", "approvalNote", "金额过高"));
    assertThat(complaint).isWaitingAt("Task_ProposeSolution");
    Map<String, Object> scheduled = new HashMap<>(solution(true, 900, "scheduled"));
    scheduled.put("plannedCompletionDate", "2026-11-20");
    complete(complaint, "Task_ProposeSolution", scheduled);
    assertThat(candidateGroups(task(complaint, "Task_ApproveSolution"))).containsExactly("quality-lead");
    complete(complaint, "Task_ApproveSolution", Map.of("approvalDecision", "approved"));

    assertThat(complaint).isWaitingAt("Task_ImplementSolution").hasPassed("Task_SendTimetable");
    assertThat(outbox(caseNumber)).anySatisfy(row -> {
      assertThat(row.get("template_key")).isEqualTo("complaint.timetable");
      assertThat((String) row.get("body")).contains("2026-11-20");
    });
  }

  @Test
  void shouldHandleAgainWhenTheCustomerIsUnsatisfiedOnce() {
    ProcessInstance complaint = receive(intake());
    String caseNumber = complaint.getBusinessKey();
    respondAndVerify(complaint);
    resolve(complaint);

    complete(complaint, "Task_ReturnVisit", Map.of("satisfaction", "unsatisfied", "returnVisitNote", "仍有问题"));
    assertThat(complaint).isWaitingAt("Task_ProposeSolution").variables().containsEntry("unsatisfiedRounds", 1);
    assertThat(caseFiles.get(caseNumber).status()).isEqualTo("处理中");
    resolve(complaint);
    complete(complaint, "Task_ReturnVisit", Map.of("satisfaction", "satisfied", "returnVisitNote", "满意"));
    executeJobs(complaint);

    assertThat(complaint).hasPassed("Task_CountUnsatisfiedRound").hasNotPassed("Task_HandleIndividualCase").isEnded();
    assertThat(caseFiles.get(caseNumber).outcome()).isEqualTo("投诉属实，已处理，客户满意");
    assertThat(actions(caseNumber)).contains("记录不满意次数");
  }

  @Test
  void shouldBecomeAnIndividualCaseAfterTwoUnsatisfiedRounds() {
    ProcessInstance complaint = receive(intake());
    String caseNumber = complaint.getBusinessKey();
    respondAndVerify(complaint);
    for (int round = 1; round <= 2; round++) {
      resolve(complaint);
      complete(complaint, "Task_ReturnVisit", Map.of("satisfaction", "unsatisfied", "returnVisitNote", "不满意"));
    }

    assertThat(candidateGroups(task(complaint, "Task_HandleIndividualCase"))).containsExactly("customer-service-lead");
    assertThat(caseFiles.get(caseNumber).status()).isEqualTo("个案处理");
    complete(complaint, "Task_HandleIndividualCase", Map.of("individualCaseResult", "主管上门协商，补偿到位"));
    executeJobs(complaint);

    assertThat(complaint).isEnded().variables().containsEntry("unsatisfiedRounds", 2);
    assertThat(caseFiles.get(caseNumber).outcome()).isEqualTo("多次处理客户仍不满意，经个案处理后结案");
  }

  @Test
  void shouldHaveHrDecideOnAVerifiedComplaintAgainstStaff() {
    Map<String, Object> intake = intake();
    intake.put("category", "staff-attitude");
    intake.put("againstStaff", true);
    intake.put("staffName", "赵六");
    ProcessInstance complaint = receive(intake);
    assertThat(candidateGroups(task(complaint, "Task_FirstResponse"))).containsExactly("customer-service-lead");
    respondAndVerify(complaint);

    assertThat(candidateGroups(task(complaint, "Task_DecideDiscipline"))).containsExactly("hr");
    resolve(complaint);
    complete(complaint, "Task_ReturnVisit", Map.of("satisfaction", "satisfied", "returnVisitNote", "满意"));
    assertThat(complaint).as("closing waits for HR").isWaitingAt("Task_DecideDiscipline").hasNotPassed("Task_CloseCase");

    complete(complaint, "Task_DecideDiscipline",
        Map.of("disciplineAction", "fine", "disciplineFine", 200, "disciplineNote", "服务态度差，罚款"));
    executeJobs(complaint);

    assertThat(complaint).isEnded();
    assertThat(timeline(complaint.getBusinessKey())).anySatisfy(entry -> {
      assertThat(entry.action()).isEqualTo("人事处理决定");
      assertThat(entry.outcome()).contains("disciplineAction=fine", "disciplineFine=200");
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"major", "special"})
  void shouldNotifyTheGeneralManagerAtOnce(String severity) {
    Map<String, Object> intake = intake();
    intake.put("severity", severity);

    ProcessInstance complaint = receive(intake);

    assertThat(complaint).hasPassed("Task_NotifyGeneralManager").isWaitingAt("Task_FirstResponse");
    assertThat(templatesSentTo(complaint.getBusinessKey(), "zongjingli")).containsExactly("complaint.majorCase");
  }

  @Test
  void shouldNotNotifyTheGeneralManagerOfAGeneralComplaint() {
    ProcessInstance complaint = receive(intake());

    assertThat(complaint).hasNotPassed("Task_NotifyGeneralManager");
    assertThat(templatesSentTo(complaint.getBusinessKey(), "zongjingli")).isEmpty();
  }

  // ------------------------------------------------------------------------------------------ deadlines

  @Test
  void shouldDueTheVerificationOnTheThirdWorkingDayAfterTheNationalDayHolidays() {
    ProcessInstance complaint = receive(intake(), OffsetDateTime.parse("2026-09-30T10:00:00+08:00"));

    Date verifyDue = date("2026-10-10T17:30:00+08:00");
    assertThat(task(complaint, "Task_FirstResponse").getDueDate()).isEqualTo(date("2026-10-01T10:00:00+08:00"));
    assertThat(task(complaint, "Task_FirstResponse").getFollowUpDate()).isEqualTo(date("2026-10-01T06:00:00+08:00"));
    complete(complaint, "Task_FirstResponse", Map.of("firstResponseChannel", "phone", "firstResponseNote", "已致电"));
    assertThat(task(complaint, "Task_VerifyComplaint").getDueDate()).isEqualTo(verifyDue);
    assertThat(timer(complaint, "BoundaryEvent_VerifyOverdue").getDuedate()).isEqualTo(verifyDue);
    assertThat(caseFiles.get(complaint.getBusinessKey()).deadlines())
        .filteredOn(deadline -> deadline.kind().equals("VERIFICATION"))
        .singleElement()
        .satisfies(deadline -> assertThat(deadline.dueAt().toInstant()).isEqualTo(verifyDue.toInstant()));
  }

  @Test
  void shouldWarnAtTwentyHoursAndEscalateAtTwentyFourHoursWithoutTakingTheFirstResponseAway() {
    ProcessInstance complaint = receive(intake());
    String caseNumber = complaint.getBusinessKey();

    fireTimer(complaint, "BoundaryEvent_FirstResponseWarning", RECEIVED.plusHours(20));
    assertThat(templatesSentTo(caseNumber, "zhiliang1")).containsExactly("complaint.firstResponseWarning");
    assertThat(complaint).isWaitingAt("Task_FirstResponse");

    fireTimer(complaint, "BoundaryEvent_FirstResponseOverdue", RECEIVED.plusHours(24));
    assertThat(templatesSentTo(caseNumber, "zhiliang1")).contains("complaint.firstResponseOverdue");
    assertThat(templatesSentTo(caseNumber, "kefuzhuguan")).containsExactly("complaint.firstResponseOverdue");
    assertThat(templatesSentTo(caseNumber, "kefu2")).containsExactly("complaint.firstResponseOverdue");
    assertThat(complaint).isWaitingAt("Task_FirstResponse").hasPassed("EndEvent_FirstResponseWarned",
        "EndEvent_FirstResponseEscalated");
    assertThat(actions(caseNumber)).contains("计时器：首次响应预警", "首次响应预警通知", "计时器：首次响应超时", "首次响应超时升级");
  }

  @Test
  void shouldEscalateAnOverdueVerification() {
    ProcessInstance complaint = receive(intake());
    String caseNumber = complaint.getBusinessKey();
    complete(complaint, "Task_FirstResponse", Map.of("firstResponseChannel", "phone", "firstResponseNote", "已致电"));

    fireTimer(complaint, "BoundaryEvent_VerifyOverdue", OffsetDateTime.parse("2026-11-05T17:30:00+08:00"));

    assertThat(complaint).isWaitingAt("Task_VerifyComplaint").hasPassed("EndEvent_VerificationEscalated");
    assertThat(templatesSentTo(caseNumber, "zhiliang2")).containsExactly("complaint.verificationOverdue");
    assertThat(templatesSentTo(caseNumber, "kefuzhuguan")).containsExactly("complaint.verificationOverdue");
  }

  @Test
  void shouldRemindAfterOneWeekAndChaseAndFlagAfterFourteenDays() {
    ProcessInstance complaint = receive(intake());
    String caseNumber = complaint.getBusinessKey();
    respondAndVerify(complaint);
    assertThat(task(complaint, "Task_ProposeSolution").getFollowUpDate()).isEqualTo(date(RECEIVED.plusDays(7)));
    assertThat(task(complaint, "Task_ProposeSolution").getDueDate()).isEqualTo(date(RECEIVED.plusDays(14)));

    fireTimer(complaint, "BoundaryEvent_ResolutionTargetWarning", RECEIVED.plusDays(7));
    assertThat(templatesSentTo(caseNumber, "zhiliang1")).containsExactly("complaint.resolutionTargetWarning");
    assertThat(caseFiles.get(caseNumber).flaggedForReview()).isFalse();
    assertThat(complaint).variables().doesNotContainKey(CaseFlags.SUPERVISED);

    fireTimer(complaint, "BoundaryEvent_ResolutionOverdue", RECEIVED.plusDays(14));
    assertThat(templatesSentTo(caseNumber, "zhiliang1")).contains("complaint.overdue");
    assertThat(templatesSentTo(caseNumber, "zongjingli")).containsExactly("complaint.overdue");
    CaseView file = caseFiles.get(caseNumber);
    assertThat(file.flaggedForReview()).isTrue();
    assertThat(file.reviewReason()).isEqualTo("超过结案期限：受理后 14 天仍未处理完毕");
    assertThat(complaint).variables().containsEntry(CaseFlags.SUPERVISED, true); // the 督办中 filter shows its tasks
    assertThat(complaint).isWaitingAt("Task_ProposeSolution").hasPassed("EndEvent_ResolutionTargetWarned",
        "EndEvent_OverdueCaseFlagged");
  }

  @Test
  void shouldWarnCustomerServiceAtTheEndOfTheHandlingDayAndRemindThemOfAnOverdueReturnVisit() {
    ProcessInstance complaint = receive(intake());
    String caseNumber = complaint.getBusinessKey();
    respondAndVerify(complaint);
    ClockUtil.setCurrentTime(date(OffsetDateTime.parse("2026-11-06T16:00:00+08:00")));  // a Friday
    resolve(complaint);

    // rule A.8: the same day (Friday, until 24:00) is the target, the next working day (Monday 17:30) the bound
    Task visit = task(complaint, "Task_ReturnVisit");
    Date sameDay = date("2026-11-07T00:00:00+08:00");
    assertThat(visit.getFollowUpDate()).isEqualTo(sameDay);
    Date due = date("2026-11-09T17:30:00+08:00");  // end of the next working day, Monday
    assertThat(visit.getDueDate()).isEqualTo(due);
    fireTimer(complaint, "BoundaryEvent_ReturnVisitSameDay", OffsetDateTime.parse("2026-11-07T00:00:00+08:00"));
    assertThat(complaint).isWaitingAt("Task_ReturnVisit").hasPassed("EndEvent_ReturnVisitSameDayWarned")
        .hasNotPassed("Task_EscalateReturnVisit");
    assertThat(templatesSentTo(caseNumber, "kefu1")).endsWith("complaint.returnVisitSameDayMissed")
        .doesNotContain("complaint.returnVisitOverdue");
    assertThat(templatesSentTo(caseNumber, "kefuzhuguan")).isEmpty();

    fireTimer(complaint, "BoundaryEvent_ReturnVisitOverdue", OffsetDateTime.parse("2026-11-09T17:30:00+08:00"));

    assertThat(complaint).isWaitingAt("Task_ReturnVisit").hasPassed("EndEvent_ReturnVisitEscalated");
    assertThat(templatesSentTo(caseNumber, "kefu1")).endsWith("complaint.returnVisitSameDayMissed",
        "complaint.returnVisitOverdue");
    assertThat(templatesSentTo(caseNumber, "kefuzhuguan")).containsExactly("complaint.returnVisitOverdue");
  }

  // ------------------------------------------------------------------------------------------ priority

  @Test
  void shouldServeAnATierCustomerFirstInTheTasklistFilters() {
    // given a C-tier complaint, then an A-tier one an hour later, both for the quality department
    Map<String, Object> tierC = intake();
    tierC.put("customerTier", "C");
    ProcessInstance first = receive(tierC);
    ProcessInstance second = receive(intake(), RECEIVED.plusHours(1));
    Task tierCTask = task(first, "Task_FirstResponse");
    Task tierATask = task(second, "Task_FirstResponse");
    assertThat(tierCTask.getPriority()).isEqualTo(50);
    assertThat(tierATask.getPriority()).as("A 类客户优先 (002:386)").isEqualTo(80);
    // and the A-tier task and case say why (the rule's label), the C-tier ones say nothing
    assertThat(taskService.getVariableLocal(tierATask.getId(), "priorityReason")).isEqualTo("A类客户");
    assertThat(taskService.getVariableLocal(tierCTask.getId(), "priorityReason")).isNull();
    assertThat(tierATask.getDescription()).startsWith(second.getBusinessKey() + " · 客户：李四\n优先处理：A类客户\n\n");
    assertThat(tierCTask.getDescription()).startsWith(first.getBusinessKey() + " · 客户：李四\n\n");
    assertThat(caseFiles.readable(second.getBusinessKey()).servedFirst()).isEqualTo("A类客户");
    assertThat(caseFiles.get(first.getBusinessKey()).servedFirst()).isNull();

    // when a quality clerk lists the filters, with Tasklist's own "newest first" sort on top
    identityService.setAuthentication("zhiliang1", List.of("quality"));
    ClockUtil.setCurrentTime(date(RECEIVED.plusHours(2)));
    // then the A-tier task comes first although it is the newer one, and only it is "served first"
    assertThat(filterList(first, second, "我组待办")).containsExactly(tierATask.getId(), tierCTask.getId());
    assertThat(filterList(first, second, "A类客户 / 紧急")).containsExactly(tierATask.getId());
    assertThat(filterList(first, second, "即将超期")).isEmpty();
    assertThat(filterList(first, second, "已超期")).isEmpty();

    // 20 h: the C-tier task's follow-up date (the warning) has passed; 24 h: its due date
    ClockUtil.setCurrentTime(date(RECEIVED.plusHours(20).plusMinutes(1)));
    assertThat(filterList(first, second, "即将超期")).containsExactly(tierCTask.getId());
    ClockUtil.setCurrentTime(date(RECEIVED.plusHours(24).plusMinutes(1)));
    assertThat(filterList(first, second, "即将超期")).containsExactly(tierATask.getId());
    assertThat(filterList(first, second, "已超期")).containsExactly(tierCTask.getId());
  }

  /** The filter's tasks of these two cases (other tests leave tasks of their own), with Tasklist's default sort. */
  private List<String> filterList(ProcessInstance first, ProcessInstance second, String filterName) {
    String filterId = engine.getFilterService().createFilterQuery().filterName(filterName).singleResult().getId();
    List<Task> tasks = engine.getFilterService().list(filterId, taskService.createTaskQuery()
        .processInstanceIdIn(first.getId(), second.getId()).orderByTaskCreateTime().desc());
    return tasks.stream().map(Task::getId).toList();
  }

  // ------------------------------------------------------------------------------------------ default deadlines

  /** The Wednesday before the National Day holidays (Oct 1–7; Saturday Oct 10 is a make-up workday): wd 1 is Oct 8. */
  static final OffsetDateTime BEFORE_NATIONAL_DAY = OffsetDateTime.parse("2026-09-30T10:00:00+08:00");

  /** Tasks whose limit the sources do not give: the default of the time-limit table, counted from the task's start. */
  @ParameterizedTest(name = "{0}: due {1}, follow-up {4}")
  @CsvSource({
      // task, due, overdue notice, a member of a group it goes to, follow-up, warning notice, a member warned
      "Task_ExplainToCustomer, 2026-10-08T17:30+08:00, complaint.explanationOverdue, kefuzhuguan, , , ",
      "Task_DecideDiscipline, 2026-10-10T17:30+08:00, complaint.disciplineOverdue, zongjingli, 2026-10-09T17:30+08:00, complaint.disciplineWarning, renshi",
      "Task_HandleIndividualCase, 2026-10-13T17:30+08:00, complaint.individualCaseOverdue, zongjingli, 2026-10-12T17:30+08:00, complaint.individualCaseWarning, kefuzhuguan"})
  void shouldDueATaskWithoutSourceLimitByTheDefaultAndEscalateItWithoutTakingItAway(String taskKey, OffsetDateTime due,
      String overdueTemplate, String overdueRecipient, OffsetDateTime followUp, String warningTemplate,
      String warningRecipient) {
    ProcessInstance complaint = receive(intake(), BEFORE_NATIONAL_DAY);
    moveTo(complaint, taskKey);

    Task task = task(complaint, taskKey);
    assertThat(task.getDueDate()).isEqualTo(date(due));
    assertThat(task.getFollowUpDate()).isEqualTo(followUp == null ? null : date(followUp));
    String timers = taskKey.replace("Task_", "BoundaryEvent_");
    if (followUp != null) {
      fireDeadline(complaint, taskKey, timers + "Warning", followUp, warningTemplate, warningRecipient);
    }
    fireDeadline(complaint, taskKey, timers + "Overdue", due, overdueTemplate, overdueRecipient);
    assertThat(complaint).isWaitingAt(taskKey);
  }

  // ------------------------------------------------------------------------------------------ steps

  // ------------------------------------------------------------------------------------------ monthly reports

  /**
   * A month of complaints with known outcomes, carried through the real process in March 2025, and the complaint
   * statistics, the penalty review and the staff assessment compiled for it (definitions in docs/reporting.md):
   * A valid, in time, satisfied; B valid, result told after the 14-day limit, satisfied; C valid, unsatisfied twice
   * (individual case); D not valid (packaging); E valid against staff member 赵六, fined 300 yuan; F closed in April.
   */
  @Test
  void shouldCompileTheMonthsReportsFromCasesWithKnownOutcomes() {
    ProcessInstance a = receive(intake(), OffsetDateTime.parse("2025-03-03T09:00:00+08:00"));
    ResponseEntity<String> repeatCall = rest.withBasicAuth("kefu1", "demo").postForEntity(
        "/api/cases/" + a.getBusinessKey() + "/contacts", Map.of("callerName", "李四", "callerPhone", "13812345678",
            "text", "电水壶漏水，再次催问", "channel", "phone", "reason", "同一问题再次来电"), String.class);
    assertThat(repeatCall.getStatusCode()).as(repeatCall.getBody()).isEqualTo(HttpStatus.CREATED);
    respondAndVerify(a);
    resolve(a);
    complete(a, "Task_ReturnVisit", Map.of("satisfaction", "satisfied", "returnVisitNote", "满意"));
    executeJobs(a);

    ProcessInstance b = receive(intake(), OffsetDateTime.parse("2025-03-04T09:00:00+08:00"));
    respondAndVerify(b);
    propose(b, false, null, "immediate");
    complete(b, "Task_ImplementSolution", Map.of("implementationResult", "已更换新品"));
    clockAt("2025-03-19T10:00:00+08:00");
    complete(b, "Task_NotifyCustomerOfResult", Map.of("resultNote", "电话告知"));
    complete(b, "Task_ReturnVisit", Map.of("satisfaction", "satisfied", "returnVisitNote", "满意"));
    executeJobs(b);

    ProcessInstance c = receive(intake(), OffsetDateTime.parse("2025-03-05T09:00:00+08:00"));
    respondAndVerify(c);
    for (int round = 1; round <= 2; round++) {
      resolve(c);
      complete(c, "Task_ReturnVisit", Map.of("satisfaction", "unsatisfied", "returnVisitNote", "不满意"));
    }
    complete(c, "Task_HandleIndividualCase", Map.of("individualCaseResult", "主管上门协商"));
    executeJobs(c);

    Map<String, Object> packaging = intake();
    packaging.put("category", "packaging");
    packaging.put("customerTier", "B");
    ProcessInstance d = receive(packaging, OffsetDateTime.parse("2025-03-06T09:00:00+08:00"));
    complete(d, "Task_FirstResponse", Map.of("firstResponseChannel", "phone", "firstResponseNote", "已致电"));
    complete(d, "Task_VerifyComplaint", Map.of("verificationResult", "not-valid", "verificationNote", "运输无损"));
    complete(d, "Task_ExplainToCustomer", Map.of("explanationNote", "已说明", "customerUnderstood", true));
    executeJobs(d);

    Map<String, Object> againstStaff = intake();
    againstStaff.put("category", "staff-attitude");
    againstStaff.put("customerTier", "C");
    againstStaff.put("againstStaff", true);
    againstStaff.put("staffName", "赵六");
    ProcessInstance e = receive(againstStaff, OffsetDateTime.parse("2025-03-10T09:00:00+08:00"));
    respondAndVerify(e);
    resolve(e);
    complete(e, "Task_ReturnVisit", Map.of("satisfaction", "satisfied", "returnVisitNote", "满意"));
    complete(e, "Task_DecideDiscipline", Map.of("disciplineAction", "fine", "disciplineFine", 300, "disciplineNote", "罚款"));
    executeJobs(e);

    ProcessInstance f = receive(intake(), OffsetDateTime.parse("2025-03-27T09:00:00+08:00"));
    respondAndVerify(f);
    resolve(f);
    clockAt("2025-04-01T10:00:00+08:00");
    complete(f, "Task_ReturnVisit", Map.of("satisfaction", "satisfied", "returnVisitNote", "满意"));
    executeJobs(f);
    assertThat(java.util.List.of(a, b, c, d, e, f)).allSatisfy(instance -> assertThat(instance).isEnded());

    clockAt("2025-05-06T09:00:00+08:00");
    YearMonth march = YearMonth.of(2025, 3);
    ReportFigures statistics = reports.compile(ReportType.COMPLAINT_STATISTICS, march);
    // closed, valid, on time, on-time rate, satisfied, satisfaction rate, average 办理时长 in working hours: only B took
    // time (the others closed at their intake's clock): 03-04 09:00 → 03-19 10:00 is 15 h of Tuesday, 10 working days
    // (03-05 … 03-18, weekends out) and 10 h of 03-19, 265 h
    assertThat(rows(statistics, "summary")).containsExactly(
        List.of("全部", "全部结案投诉", 5L, 4L, 3L, 0.75, 3L, 0.75, 265.0 / 5));
    assertThat(rows(statistics, "byCategory")).containsExactlyInAnyOrder(
        List.of("packaging", "包装", 1L, 0L, 0L, "—", 0L, "—", 0.0),
        List.of("product-quality", "产品质量", 3L, 3L, 2L, 2.0 / 3, 2L, 2.0 / 3, 265.0 / 3),
        List.of("staff-attitude", "服务态度", 1L, 1L, 1L, 1.0, 1L, 1.0, 0.0));
    assertThat(rows(statistics, "byDepartment")).containsExactlyInAnyOrder(
        List.of("customer-service-lead", "客服主管", 1L, 1L, 1L, 1.0, 1L, 1.0, 0.0),
        List.of("quality", "质量管理部", 3L, 3L, 2L, 2.0 / 3, 2L, 2.0 / 3, 265.0 / 3),
        List.of("warehouse", "库房", 1L, 0L, 0L, "—", 0L, "—", 0.0));
    assertThat(rows(statistics, "bySeverity"))
        .containsExactly(List.of("general", "一般", 5L, 4L, 3L, 0.75, 3L, 0.75, 265.0 / 5));
    assertThat(rows(statistics, "byTier")).extracting(row -> row.get(0) + " " + row.get(2))
        .containsExactly("A 3", "B 1", "C 1");
    assertThat(rows(statistics, "responsibility")).extracting(row -> row.get(0) + " " + row.get(3) + " " + row.get(5))
        .containsExactly(a.getBusinessKey() + " 王五 是", b.getBusinessKey() + " 王五 否", c.getBusinessKey() + " 王五 是",
            e.getBusinessKey() + " 王五 是");

    // A's repeat call (并单) is counted as a repeat call of its category, not as a sixth closed complaint
    assertThat(rows(statistics, "repeatCalls")).containsExactlyInAnyOrder(
        List.of("packaging", "包装", 1L, 0L, 0L),
        List.of("product-quality", "产品质量", 3L, 1L, 1L),
        List.of("staff-attitude", "服务态度", 1L, 0L, 0L));

    ReportFigures penalties = reports.compile(ReportType.PENALTY_REVIEW, march);
    assertThat(rows(penalties, "cases")).containsExactly(
        List.of(e.getBusinessKey(), "customer-service-lead", "客服主管", "赵六", "罚款", 300.0));
    assertThat(rows(penalties, "byDepartment")).containsExactly(List.of("customer-service-lead", "客服主管", 1L, 300.0));

    // supervision (complaint row): received A–F, closed A–E; of the deadlines due in March only B's resolution was
    // met late; return visits due in March: A, B, C, E in time, F's (due 03-28) only on 04-01
    List<Object> supervision = rows(reports.compile(ReportType.SUPERVISION_REPORT, march), "byProcess").stream()
        .filter(row -> row.get(0).equals("complaint")).findFirst().orElseThrow();
    assertThat(supervision.subList(2, 4)).containsExactly(6L, 5L);
    assertThat(supervision.get(6)).as("met late").isEqualTo(1L);
    assertThat(supervision.subList(9, 11)).as("return visits due, in time").containsExactly(5L, 4L);

    ReportFigures staff = reports.compile(ReportType.STAFF_ASSESSMENT, march);
    assertThat(rows(staff, "byPerson")).containsExactly(List.of("王五", 4L, 12L), List.of("赵六", 1L, 3L));
    assertThat(rows(staff, "events")).extracting(row -> row.get(0) + " " + row.get(1) + " " + row.get(2))
        .containsExactly("王五 被投诉（属实） " + a.getBusinessKey(), "王五 被投诉（属实） " + b.getBusinessKey(),
            "王五 被投诉（属实） " + c.getBusinessKey(), "王五 回访不满意 " + c.getBusinessKey(),
            "赵六 被投诉（属实） " + e.getBusinessKey());
  }

  /**
   * The closing record the complaint reports read (complaint_closing, V26): written when the case closes, with the
   * values the process history holds; and the backfill of V26_1 writes the same record from the history for every
   * closed complaint. June 2024, a month no other test reports on.
   */
  @Test
  void shouldWriteTheClosingRecordWhenTheComplaintClosesAndBackfillTheSameFromTheHistory() {
    Map<String, Object> againstStaff = intake();
    againstStaff.put("customerTier", "C");
    againstStaff.put("category", "staff-attitude");
    againstStaff.put("againstStaff", true);
    againstStaff.put("staffName", "赵六");
    ProcessInstance fined = receive(againstStaff, OffsetDateTime.parse("2024-06-03T09:00:00+08:00"));
    respondAndVerify(fined);
    resolve(fined);
    complete(fined, "Task_ReturnVisit", Map.of("satisfaction", "unsatisfied", "returnVisitNote", "不满意"));
    resolve(fined);
    complete(fined, "Task_ReturnVisit", Map.of("satisfaction", "satisfied", "returnVisitNote", "满意"));
    complete(fined, "Task_DecideDiscipline",
        Map.of("disciplineAction", "fine", "disciplineFine", 300, "disciplineNote", "罚款"));
    assertThat(closingRecord(fined)).as("not before the case closes").isEmpty();
    executeJobs(fined);

    Map<String, Object> packaging = intake();
    packaging.put("category", "packaging");
    ProcessInstance notValid = receive(packaging, OffsetDateTime.parse("2024-06-04T09:00:00+08:00"));
    complete(notValid, "Task_FirstResponse", Map.of("firstResponseChannel", "phone", "firstResponseNote", "已致电"));
    complete(notValid, "Task_VerifyComplaint", Map.of("verificationResult", "not-valid", "verificationNote", "运输无损"));
    complete(notValid, "Task_ExplainToCustomer", Map.of("explanationNote", "已说明", "customerUnderstood", true));
    executeJobs(notValid);
    assertThat(List.of(fined, notValid)).allSatisfy(instance -> assertThat(instance).isEnded());

    // tier, department, verification, satisfaction (the last return visit), responsible, cause, staff, action, fine
    assertThat(closingRecord(fined)).containsExactly(Arrays.asList("C", "customer-service-lead", "valid", "satisfied",
        "王五", "密封圈老化", "赵六", "fine", 300.0));
    assertThat(closingRecord(notValid)).containsExactly(Arrays.asList("A", "warehouse", "not-valid", null, null, null,
        null, null, null));

    List<List<Object>> written = closingRecords();
    assertThat(written).hasSizeGreaterThanOrEqualTo(2);
    jdbc.update("delete from complaint_closing");
    jdbc.update(db.migration.V26_1__Complaint_closing_backfill.BACKFILL);
    assertThat(closingRecords()).as("backfilled from the history").isEqualTo(written);
  }

  private static final String CLOSING_COLUMNS = "customer_tier, handling_group, verification, satisfaction, "
      + "responsible_person, cause, staff_name, discipline_action, discipline_fine";

  private List<List<Object>> closingRecord(ProcessInstance complaint) {
    return jdbc.query("select " + CLOSING_COLUMNS + " from complaint_closing k join service_case c on c.id = k.case_id "
        + "where c.case_number = ?", (rs, row) -> columns(rs, 9), complaint.getBusinessKey());
  }

  /** Every closing record with its case number, in case order. */
  private List<List<Object>> closingRecords() {
    return jdbc.query("select c.case_number, " + CLOSING_COLUMNS + " from complaint_closing k "
        + "join service_case c on c.id = k.case_id order by c.case_number", (rs, row) -> columns(rs, 10));
  }

  private static List<Object> columns(java.sql.ResultSet rs, int count) throws java.sql.SQLException {
    List<Object> values = new java.util.ArrayList<>();
    for (int i = 1; i <= count; i++) {
      values.add(rs.getObject(i));
    }
    return values;
  }


  // ---------------------------------------------------------------------------------- task cards

  @Test
  void shouldAnswerTheTasklistStartWithTheCaseNumberAndCardEveryTaskWithCaseCustomerAndLabels() {
    clockAt("2026-11-02T09:00:00+08:00");
    ProcessInstance complaint = submitStartFormAs("kefu1", ComplaintVariables.PROCESS_KEY, intake());
    String caseNumber = complaint.getBusinessKey();
    assertThat(caseNumber).matches("TS2611\\d{4,}");

    Task firstResponse = task(complaint, "Task_FirstResponse");
    assertThat(firstResponse.getDescription()).as("an A-tier customer's card says why it is served first")
        .startsWith(caseNumber + " · 客户：李四\n优先处理：A类客户\n\n")
        .contains("受理后 24 小时内");
    assertThat(taskService.getVariablesLocal(firstResponse.getId()))
        .containsEntry("categoryLabel", "产品质量")
        .containsEntry("severityLabel", "一般")
        .containsEntry("customerTierLabel", "A类客户（优先处理）")
        .containsEntry("channelLabel", "电话")
        .doesNotContainKey("firstResponseChannelLabel");
    complete(complaint, "Task_FirstResponse", Map.of("firstResponseChannel", "sms", "firstResponseNote", "已发短信"));

    Task verify = task(complaint, "Task_VerifyComplaint");
    assertThat(verify.getDescription()).startsWith(caseNumber + " · 客户：李四");
    assertThat(taskService.getVariablesLocal(verify.getId()))
        .containsEntry("firstResponseChannelLabel", "短信")
        .containsEntry("categoryLabel", "产品质量");
    assertThat(taskService.getVariable(verify.getId(), "category")).as("the code stays what routing reads")
        .isEqualTo("product-quality");
  }

  // ------------------------------------------------------------------------------------------ 并单

  @Test
  void shouldMergeARepeatCallIntoTheOpenComplaintAndLetTheLeadSplitItOff() throws Exception {
    // given: an open complaint about a leaking kettle, waiting for its first response
    ProcessInstance complaint = receive(intake());
    String caseNumber = complaint.getBusinessKey();
    long instancesBefore = runtimeService.createProcessInstanceQuery().processDefinitionKey("complaint").count();
    Integer casesBefore = jdbc.queryForObject("select count(*) from service_case", Integer.class);

    // when: the customer calls again about it and customer service merges the call
    Map<String, Object> contact = Map.of("callerName", "李四", "callerPhone", "13812345678",
        "text", "电水壶还是漏水，催问处理进度", "channel", "phone", "orderNumber", "DD-2026-0001",
        "reason", "同一订单同一问题再次来电");
    ResponseEntity<String> merged = rest.withBasicAuth("kefu1", "demo")
        .postForEntity("/api/cases/" + caseNumber + "/contacts", contact, String.class);

    // then: no new instance or case file; the master's event subprocess recorded it; the caller gets number and deadline
    assertThat(merged.getStatusCode()).as(merged.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode answer = JSON.readTree(merged.getBody());
    assertThat(answer.path("caseNumber").asText()).isEqualTo(caseNumber);
    CaseView.Deadline last = caseFiles.get(caseNumber).deadlines().stream().filter(d -> d.metAt() == null)
        .max(java.util.Comparator.comparing(CaseView.Deadline::dueAt)).orElseThrow();
    assertThat(answer.path("deadline").path("kind").asText()).isEqualTo(last.kind());
    assertThat(OffsetDateTime.parse(answer.path("deadline").path("dueAt").asText())).isEqualTo(last.dueAt());
    assertThat(last.dueAt()).as("before the first response, its 24 hours are the case's running deadline")
        .isEqualTo(RECEIVED.plusHours(24));
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("complaint").count())
        .isEqualTo(instancesBefore);
    assertThat(jdbc.queryForObject("select count(*) from service_case", Integer.class)).isEqualTo(casesBefore);
    assertThat(complaint).hasPassedInOrder("StartEvent_RepeatContactReceived", "Task_RecordRepeatContact",
        "EndEvent_RepeatContactRecorded");
    assertThat(complaint).isWaitingAt("Task_FirstResponse");
    long contactId = answer.path("contactId").asLong();
    assertThat(timeline(caseNumber)).filteredOn(e -> e.action().equals("重复来电（并单）")).singleElement()
        .satisfies(e -> {
          assertThat(e.actor()).isEqualTo("kefu1");
          assertThat(e.activityId()).isEqualTo("Task_RecordRepeatContact");
          assertThat(e.outcome()).isEqualTo("第 1 次重复来电（来电记录 #" + contactId
              + "，渠道 phone）：电水壶还是漏水，催问处理进度；并单原因：同一订单同一问题再次来电");
        });

    // when: customer service (not the lead) tries to split it, then the lead does
    Map<String, Object> why = Map.of("reason", "客户另有一台电水壶，是另一件投诉");
    String split = "/api/cases/" + caseNumber + "/contacts/" + contactId + "/split";
    ResponseEntity<String> refused = rest.withBasicAuth("kefu1", "demo").postForEntity(split, why, String.class);
    ResponseEntity<String> done = rest.withBasicAuth("kefuzhuguan", "demo").postForEntity(split, why, String.class);
    ResponseEntity<String> again = rest.withBasicAuth("kefuzhuguan", "demo").postForEntity(split, why, String.class);

    // then: a new complaint from the contact, started as the lead, noted on both timelines
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    String newCase = JSON.readTree(done.getBody()).path("newCaseNumber").asText();
    CaseView file = caseFiles.get(newCase);
    assertThat(file.processType()).isEqualTo(org.serviceflow.casefile.CaseType.COMPLAINT);
    assertThat(file.ownerUser()).isEqualTo("kefuzhuguan");
    assertThat(file.customerPhone()).isEqualTo("13812345678");
    assertThat(runtimeService.getVariable(file.processInstanceId(), "content")).isEqualTo("电水壶还是漏水，催问处理进度");
    assertThat(runtimeService.getVariable(file.processInstanceId(), "customerTier")).isEqualTo("A");
    assertThat(timeline(caseNumber)).filteredOn(e -> e.action().equals("拆单")).singleElement()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo("并单来电 #" + contactId + " 拆出为新案件 " + newCase
            + "；原因：客户另有一台电水壶，是另一件投诉"));
    assertThat(actions(newCase)).containsSubsequence("受理", "拆单");
    assertThat(jdbc.queryForObject("select split_case_number from repeat_contact where id = ?", String.class,
        contactId)).isEqualTo(newCase);
  }

  /** An A-tier complaint (served first) about a kettle bought before RECEIVED. */
  static Map<String, Object> intake() {
    Map<String, Object> variables = org.serviceflow.support.Intakes.complaint();
    variables.put("customerTier", "A");
    variables.put("occurredOn", "2026-10-30");
    return variables;
  }


  ProcessInstance receive(Map<String, Object> intake) {
    return receive(intake, RECEIVED);
  }

  /** Starts the process as the intake clerk kefu1 (the start event's initiator) at the given engine time. */
  ProcessInstance receive(Map<String, Object> intake, OffsetDateTime at) {
    ClockUtil.setCurrentTime(date(at));
    identityService.setAuthentication("kefu1", List.of("customer-service"));
    try {
      ProcessInstance instance = runtimeService.startProcessInstanceByKey(ComplaintVariables.PROCESS_KEY, intake);
      assertThat(instance.getBusinessKey()).startsWith("TS" + at.format(java.time.format.DateTimeFormatter.ofPattern("yyMM")));
      return instance;
    } finally {
      identityService.clearAuthentication();
    }
  }

  void respondAndVerify(ProcessInstance complaint) {
    complete(complaint, "Task_FirstResponse", Map.of("firstResponseChannel", "phone", "firstResponseNote", "已致电"));
    verifyValid(complaint);
  }

  void verifyValid(ProcessInstance complaint) {
    complete(complaint, "Task_VerifyComplaint", Map.of("verificationResult", "valid", "verificationNote", "确有漏水"));
  }

  static Map<String, Object> solution(boolean compensation, Integer amount, String mode) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("cause", "密封圈老化");
    variables.put("responsiblePerson", "王五");
    variables.put("solution", "更换新品");
    variables.put("compensationInvolved", compensation);
    if (amount != null) {
      variables.put("compensationAmount", amount);
    }
    variables.put("resolutionMode", mode);
    return variables;
  }

  void propose(ProcessInstance complaint, boolean compensation, Integer amount, String mode) {
    complete(complaint, "Task_ProposeSolution", solution(compensation, amount, mode));
  }

  /** One handling round without approval: solution, implementation, result told to the customer. */
  void resolve(ProcessInstance complaint) {
    propose(complaint, false, null, "immediate");
    complete(complaint, "Task_ImplementSolution", Map.of("implementationResult", "已更换新品"));
    complete(complaint, "Task_NotifyCustomerOfResult", Map.of("resultNote", "电话告知"));
  }








  List<Map<String, Object>> outbox(String caseNumber) {
    return jdbc.queryForList("select channel, recipient, template_key, body from notification where case_number = ? order by id",
        caseNumber);
  }



  List<String> actions(String caseNumber) {
    return timeline(caseNumber).stream().map(TimelineEntryView::action).toList();
  }


}
