package org.serviceflow.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.serviceflow.casefile.TimelineEntryView;
import org.serviceflow.support.Intakes;
import org.serviceflow.support.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * 转办, 委派 / 委派办结 and 抄送 of a real complaint's first task over REST as demo users: engine assignee, owner and
 * delegation state, the timeline entry, the receiver's inbox notice, and refusals (400 / 403 / 404) that change nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CollaborationTest extends ProcessTestSupport {

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldTransferDelegateResolveAndCopyTheFirstTaskOfAComplaint() {
    // given a complaint whose first response lies with the quality department, assigned to one of its clerks
    clockAt("2026-11-02T09:00:00+08:00");
    ProcessInstance complaint = startAs("kefu1", "customer-service", "complaint", Intakes.complaint());
    String caseNumber = complaint.getBusinessKey();
    Task first = task(complaint, "Task_FirstResponse");
    assertThat(candidateGroups(first)).containsExactly("quality");
    String holder = first.getAssignee() != null ? first.getAssignee() : "zhiliang1";
    if (first.getAssignee() == null) {
      taskService.setAssignee(first.getId(), holder);
    }
    String colleague = holder.equals("zhiliang1") ? "zhiliang2" : "zhiliang1";

    // when the holder transfers it to the colleague
    ResponseEntity<JsonNode> transferred = post(holder, first.getId(), "transfer",
        Map.of("to", colleague, "reason", "本人休假，由同事接办"));

    // then the colleague is the assignee, the timeline says who, to whom and why, and the colleague is told
    assertThat(transferred.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(transferred.getBody().get("assignee").asText()).isEqualTo(colleague);
    assertThat(taskService.createTaskQuery().taskId(first.getId()).singleResult().getAssignee()).isEqualTo(colleague);
    TimelineEntryView transferEntry = last(caseNumber);
    assertThat(transferEntry.action()).isEqualTo("转办");
    assertThat(transferEntry.actor()).isEqualTo(holder);
    assertThat(transferEntry.outcome()).isEqualTo("“首次响应”转办给 " + fullName(colleague) + "；原因：本人休假，由同事接办");
    assertThat(templatesSentTo(caseNumber, colleague)).contains("collaboration.transferred");
    assertThat(inboxBody(colleague, caseNumber, "collaboration.transferred"))
        .contains("首次响应", "本人休假，由同事接办", fullName(holder), "/cases/" + caseNumber);

    // when the colleague, now the assignee, delegates it to the holder for a check
    ResponseEntity<JsonNode> delegated = post(colleague, first.getId(), "delegate",
        Map.of("to", holder, "reason", "请核对检测报告"));

    // then the engine holds a pending delegation: owner = colleague, assignee = holder
    assertThat(delegated.getStatusCode()).isEqualTo(HttpStatus.OK);
    Task pending = taskService.createTaskQuery().taskId(first.getId()).singleResult();
    assertThat(pending.getOwner()).isEqualTo(colleague);
    assertThat(pending.getAssignee()).isEqualTo(holder);
    assertThat(pending.getDelegationState()).isEqualTo(DelegationState.PENDING);
    assertThat(delegated.getBody().get("delegationState").asText()).isEqualTo("PENDING");
    assertThat(last(caseNumber).action()).isEqualTo("委派");
    assertThat(last(caseNumber).outcome()).isEqualTo("“首次响应”委派给 " + fullName(holder) + "；原因：请核对检测报告");
    assertThat(templatesSentTo(caseNumber, holder)).contains("collaboration.delegated");

    // when the owner tries to resolve: only the delegate may hand back
    assertProblem(post(colleague, first.getId(), "resolve", Map.of()), HttpStatus.FORBIDDEN, null);

    // when the delegate hands it back without a note (reason is optional)
    ResponseEntity<JsonNode> resolved = post(holder, first.getId(), "resolve", null);
    assertThat(resolved.getStatusCode()).isEqualTo(HttpStatus.OK);
    Task back = taskService.createTaskQuery().taskId(first.getId()).singleResult();
    assertThat(back.getAssignee()).isEqualTo(colleague);
    assertThat(back.getOwner()).isEqualTo(colleague);
    assertThat(back.getDelegationState()).isEqualTo(DelegationState.RESOLVED);
    assertThat(last(caseNumber).action()).isEqualTo("委派办结");
    assertThat(last(caseNumber).actor()).isEqualTo(holder);
    assertThat(last(caseNumber).outcome()).isEqualTo("“首次响应”交回委派人 " + fullName(colleague));
    assertThat(templatesSentTo(caseNumber, colleague)).contains("collaboration.resolved");

    // when the assignee copies the task to the customer-service lead and the warehouse (read only)
    ResponseEntity<JsonNode> copied = post(colleague, first.getId(), "copy",
        Map.of("to", List.of("kefuzhuguan", "kufang"), "reason", "客户多次投诉，请知悉"));

    // then both get an inbox notice with the case link; the task is unchanged
    assertThat(copied.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(copied.getBody().get("copiedTo").toString()).isEqualTo("[\"kefuzhuguan\",\"kufang\"]");
    for (String receiver : List.of("kefuzhuguan", "kufang")) {
      assertThat(inboxBody(receiver, caseNumber, "collaboration.copied"))
          .contains("仅供知悉", "客户多次投诉，请知悉", "/cases/" + caseNumber);
    }
    assertThat(taskService.createTaskQuery().taskId(first.getId()).singleResult().getAssignee()).isEqualTo(colleague);
    assertThat(last(caseNumber).outcome())
        .isEqualTo("“首次响应”抄送给 " + fullName("kefuzhuguan") + "、" + fullName("kufang") + "；原因：客户多次投诉，请知悉");
    // the copy is readable over the inbox API as the receiver
    JsonNode inbox = rest.withBasicAuth("kufang", "demo").getForEntity("/api/inbox", JsonNode.class).getBody();
    assertThat(inbox.toString()).contains(caseNumber, "抄送");
  }

  @Test
  void shouldRefuseBadOrForbiddenRequestsAndChangeNothing() {
    clockAt("2026-11-02T09:00:00+08:00");
    ProcessInstance complaint = startAs("kefu1", "customer-service", "complaint", Intakes.complaint());
    String caseNumber = complaint.getBusinessKey();
    Task first = task(complaint, "Task_FirstResponse");
    String holder = first.getAssignee() != null ? first.getAssignee() : "zhiliang1";
    if (first.getAssignee() == null) {
      taskService.setAssignee(first.getId(), holder);
    }
    String colleague = holder.equals("zhiliang1") ? "zhiliang2" : "zhiliang1";
    int timelineBefore = timeline(caseNumber).size();
    int outboxBefore = outbox(caseNumber);

    // bad input: 400 naming the field
    assertProblem(post(holder, first.getId(), "transfer", Map.of("to", "nobody", "reason", "x")),
        HttpStatus.BAD_REQUEST, "to");
    assertProblem(post(holder, first.getId(), "transfer", Map.of("to", colleague, "reason", "  ")),
        HttpStatus.BAD_REQUEST, "reason");
    assertProblem(post(holder, first.getId(), "delegate", Map.of("to", colleague)), HttpStatus.BAD_REQUEST, "reason");
    assertProblem(post(holder, first.getId(), "copy", Map.of("to", List.of("kufang", "nobody"), "reason", "x")),
        HttpStatus.BAD_REQUEST, "to");
    assertProblem(post(holder, first.getId(), "copy", Map.of("to", List.of(), "reason", "x")),
        HttpStatus.BAD_REQUEST, "to");
    // not allowed: someone who neither holds the task nor is a candidate; a receiver outside department and task
    assertProblem(post("kufang", first.getId(), "transfer", Map.of("to", "kufang", "reason", "我来办")),
        HttpStatus.FORBIDDEN, null);
    assertProblem(post(colleague, first.getId(), "transfer", Map.of("to", colleague, "reason", "我来办")),
        HttpStatus.FORBIDDEN, null);
    assertProblem(post(holder, first.getId(), "transfer", Map.of("to", "kufang", "reason", "库房处理")),
        HttpStatus.FORBIDDEN, null);
    assertProblem(post(holder, first.getId(), "delegate", Map.of("to", "xiaoshou", "reason", "销售处理")),
        HttpStatus.FORBIDDEN, null);
    assertProblem(post("kufang", first.getId(), "copy", Map.of("to", List.of("kufang"), "reason", "看看")),
        HttpStatus.FORBIDDEN, null);
    // nothing to hand back
    assertProblem(post(holder, first.getId(), "resolve", Map.of()), HttpStatus.CONFLICT, null);
    // unknown task
    assertProblem(post(holder, "no-such-task", "transfer", Map.of("to", colleague, "reason", "x")),
        HttpStatus.NOT_FOUND, null);
    // not signed in
    assertThat(rest.postForEntity("/api/tasks/" + first.getId() + "/transfer", Map.of("to", colleague, "reason", "x"),
        JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    Task after = taskService.createTaskQuery().taskId(first.getId()).singleResult();
    assertThat(after.getAssignee()).isEqualTo(holder);
    assertThat(after.getOwner()).isNull();
    assertThat(after.getDelegationState()).isNull();
    assertThat(timeline(caseNumber)).hasSize(timelineBefore);
    assertThat(outbox(caseNumber)).isEqualTo(outboxBefore);
  }

  @Test
  void shouldLetACandidateOfAnUnassignedTaskAndTheDepartmentLeadAct() {
    clockAt("2026-11-02T09:00:00+08:00");
    ProcessInstance complaint = startAs("kefu1", "customer-service", "complaint", Intakes.complaint());
    Task first = task(complaint, "Task_FirstResponse");
    taskService.setAssignee(first.getId(), null);

    // a quality clerk may delegate the unassigned quality task: they become its owner
    ResponseEntity<JsonNode> delegated = post("zhiliang1", first.getId(), "delegate",
        Map.of("to", "zhiliang2", "reason", "协助核实"));
    assertThat(delegated.getStatusCode()).isEqualTo(HttpStatus.OK);
    Task pending = taskService.createTaskQuery().taskId(first.getId()).singleResult();
    assertThat(pending.getOwner()).isEqualTo("zhiliang1");
    assertThat(pending.getAssignee()).isEqualTo("zhiliang2");

    // the customer-service lead leads customer-service: may pass a customer-service task within it, not outside
    taskService.resolveTask(first.getId());
    taskService.setAssignee(first.getId(), "kefu1");
    taskService.addCandidateGroup(first.getId(), "customer-service");
    assertProblem(post("kefuzhuguan", first.getId(), "transfer", Map.of("to", "kufang", "reason", "库房处理")),
        HttpStatus.FORBIDDEN, null);
    ResponseEntity<JsonNode> moved = post("kefuzhuguan", first.getId(), "transfer",
        Map.of("to", "kefu2", "reason", "kefu1 工作量过大"));
    assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(taskService.createTaskQuery().taskId(first.getId()).singleResult().getAssignee()).isEqualTo("kefu2");
  }

  @Test
  void shouldLetAHandlingUnitPassATaskOnlyWithinItsUnitOrBackToDispatch() {
    // given a 12345 housing appeal dispatched to the housing bureau, waiting for it to sign
    clockAt("2026-11-02T09:00:00+08:00");
    ProcessInstance appeal = startAs("huawu", "hotline-operators", "hotline12345", Intakes.hotlineAppeal("complaint", "normal", "housing", "district-a"));
    complete(appeal, "Task_TriageAppeal", Map.of("triageResult", "dispatch"));
    Task signFor = task(appeal, "Task_SignFor");
    assertThat(candidateGroups(signFor)).containsExactly("unit-housing");
    int timelineBefore = timeline(appeal.getBusinessKey()).size();

    // the unit may not pass it to another unit, nor to a department outside the hotline
    assertProblem(post("zhujian", signFor.getId(), "transfer", Map.of("to", "shichang", "reason", "属市场监管职责")),
        HttpStatus.FORBIDDEN, null);
    assertProblem(post("zhujian", signFor.getId(), "delegate", Map.of("to", "kefu1", "reason", "协助")),
        HttpStatus.FORBIDDEN, null);
    // another unit may not act on it at all
    assertProblem(post("shichang", signFor.getId(), "transfer", Map.of("to", "paidan", "reason", "退回")),
        HttpStatus.FORBIDDEN, null);
    assertThat(taskService.createTaskQuery().taskId(signFor.getId()).singleResult().getAssignee()).isNull();
    assertThat(timeline(appeal.getBusinessKey())).hasSize(timelineBefore);

    // but may hand it back to 12345 dispatch
    ResponseEntity<JsonNode> back = post("zhujian", signFor.getId(), "transfer",
        Map.of("to", "paidan", "reason", "不属本单位职责，请改派"));
    assertThat(back.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(taskService.createTaskQuery().taskId(signFor.getId()).singleResult().getAssignee()).isEqualTo("paidan");
    assertThat(last(appeal.getBusinessKey()).outcome())
        .isEqualTo("“" + signFor.getName() + "”转办给 " + fullName("paidan") + "；原因：不属本单位职责，请改派");
    assertThat(templatesSentTo(appeal.getBusinessKey(), "paidan")).contains("collaboration.transferred");
  }


  // ------------------------------------------------------------------------------------------ helpers

  private ResponseEntity<JsonNode> post(String user, String taskId, String action, Object body) {
    return rest.withBasicAuth(user, "demo").postForEntity("/api/tasks/" + taskId + "/" + action, body, JsonNode.class);
  }

  private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String field) {
    assertThat(response.getStatusCode()).isEqualTo(status);
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

  private String fullName(String userId) {
    var user = identityService.createUserQuery().userId(userId).singleResult();
    return user.getLastName() + user.getFirstName() + "（" + userId + "）";
  }

  private String inboxBody(String recipient, String caseNumber, String template) {
    return jdbc.queryForObject("select body from notification where case_number = ? and recipient = ? and channel = 'INBOX'"
        + " and template_key = ? order by id desc limit 1", String.class, caseNumber, recipient, template);
  }

  private int outbox(String caseNumber) {
    return jdbc.queryForObject("select count(*) from notification where case_number = ?", Integer.class, caseNumber);
  }
}
