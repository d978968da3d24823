package org.serviceflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.serviceflow.support.IntakeRequests.appeal;
import static org.serviceflow.support.IntakeRequests.complaint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.serviceflow.reporting.ReportRecords;
import org.serviceflow.reporting.ReportType;
import org.junit.jupiter.api.TestFactory;
import org.serviceflow.identity.AuthorizationMatrix.Expectation;
import org.serviceflow.support.EngineRest;
import org.serviceflow.support.EngineRest.Step;
import org.serviceflow.support.IntakeRequests;
import org.serviceflow.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The authorization matrix of docs/identity.md, read from the document and performed over HTTP on the whole
 * application (real PostgreSQL): every group (as its first demo user) and anonymous × every request of the
 * matrix. An allowed write really happens (and is undone or done on a fresh case); a refused one changes
 * nothing. No answer to anyone outside the 12345 centre and camunda-admin carries a 举报 reporter's name or
 * phone. The engine requests act on one 举报 appeal waiting for 市场监管局 (unit-market) to sign for it.
 */
@PostgresIntegrationTest
class AuthorizationMatrixIT {

  static final String REPORTER_NAME = "钱保密";
  static final String REPORTER_PHONE = "13700002468";
  /** May see a confidential citizen's identity (ConfidentialCaseView); everyone else must never get it. */
  static final Set<String> SEE_IDENTITY =
      Set.of("hotline-operators", "hotline-dispatchers", "hotline-supervisors", Groups.CAMUNDA_ADMIN);
  static final String OPERATOR = "huawu";
  static final String REPORT_UNIT = "unit-market";
  static final String REPORT_UNIT_USER = "shichang";
  static final String DISPATCHER = "paidan";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReportRecords reportRecords;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlerMapping;

  /** Who sends a request: a group's first demo user (admin for camunda-admin), or nobody. */
  record Caller(String group, String user, String password) {

    static Caller of(String group) {
      if (AuthorizationMatrix.ANONYMOUS.equals(group)) {
        return new Caller(group, null, null);
      }
      if (Groups.CAMUNDA_ADMIN.equals(group)) {
        return new Caller(group, EngineRest.ADMIN, "admin");
      }
      return DemoUsers.ALL.stream().filter(u -> u.group().id().equals(group)).findFirst()
          .map(u -> new Caller(group, u.id(), DemoUsers.PASSWORD))
          .orElseThrow(() -> new IllegalArgumentException("no demo user in group " + group));
    }
  }

  /** A 举报 dispatched to unit-market, waiting at 签收, with its sign-for timer job and one incident. */
  record Report(String caseNumber, String processInstanceId, String taskId, String jobId, String incidentId) {
  }

  /** One cell being performed: the caller, the report it acts on, and the values of the request's {placeholders}. */
  static final class Cell {
    final Caller caller;
    final Report report;
    final String nonce = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    final Map<String, String> values = new HashMap<>();

    Cell(Caller caller, Report report, String complaintCase) {
      this.caller = caller;
      this.report = report;
      values.put("pi", report.processInstanceId());
      values.put("task", report.taskId());
      values.put("job", report.jobId());
      values.put("rx", report.caseNumber());
      values.put("cp", complaintCase);
      values.put("nonce", nonce);
    }

    String path(String template) {
      String path = template;
      for (Map.Entry<String, String> value : values.entrySet()) {
        path = path.replace("{" + value.getKey() + "}", value.getValue());
      }
      assertThat(path).as("every placeholder of %s has a value", template).doesNotContain("{");
      return path;
    }
  }

  /** What one column of the matrix sends, and how its effect is checked. */
  static final class Column {
    final String name;
    final HttpMethod method;
    final String template;
    Function<Cell, Object> body = c -> null;
    MediaType contentType = MediaType.APPLICATION_JSON;
    /** For list reads: whether the answer shows the cell's target. */
    BiPredicate<JsonNode, Cell> shows;
    /** Writes: what the request would change, observed before and after (a refusal leaves it as it was). */
    Function<Cell, Object> observe;
    EffectCheck allowedEffect = (c, before, after, response) -> { };
    /** Allowed writes act on a fresh report, so they do not disturb the next cells. */
    boolean freshReport;
    /** Every cell acts on a fresh report: the preparation itself changes it (an assignee keeps read access). */
    boolean ownReport;
    Consumer<Cell> prepare = c -> { };
    Consumer<Cell> cleanup = c -> { };

    Column(String name, HttpMethod method, String template) {
      this.name = name;
      this.method = method;
      this.template = template;
    }

    /** The request as the legend of docs/identity.md writes it. */
    String request() {
      return method.name() + " " + template;
    }

    Column body(Function<Cell, Object> body) {
      this.body = body;
      return this;
    }

    Column multipart(Function<Cell, Object> body) {
      this.body = body;
      this.contentType = MediaType.MULTIPART_FORM_DATA;
      return this;
    }

    Column shows(BiPredicate<JsonNode, Cell> shows) {
      this.shows = shows;
      return this;
    }

    Column showsId(Function<Cell, String> id) {
      return shows((answer, cell) -> answer.findValuesAsText("id").contains(id.apply(cell)));
    }

    Column changes(Function<Cell, Object> observe, EffectCheck allowedEffect) {
      this.observe = observe;
      this.allowedEffect = allowedEffect;
      return this;
    }

    Column onFreshReport() {
      this.freshReport = true;
      return this;
    }

    Column onOwnReport() {
      this.ownReport = true;
      return this;
    }

    Column prepare(Consumer<Cell> prepare) {
      this.prepare = prepare;
      return this;
    }

    Column cleanup(Consumer<Cell> cleanup) {
      this.cleanup = cleanup;
      return this;
    }
  }

  @FunctionalInterface
  interface EffectCheck {
    void check(Cell cell, Object before, Object after, ResponseEntity<String> response);
  }

  private String complaintCase;
  private Report sharedReport;

  // ---------------------------------------------------------------------------------------------------------
  // the columns: engine REST

  private List<Column> columns() {
    List<Column> columns = new ArrayList<>();
    columns.add(get("task read", "/engine-rest/task?processInstanceId={pi}").showsId(c -> c.report.taskId()));
    columns.add(post("task claim", "/engine-rest/task/{task}/claim")
        .body(c -> Map.of("userId", String.valueOf(c.caller.user)))
        .onFreshReport()
        .changes(c -> assignee(c.report.taskId()),
            (c, before, after, r) -> assertThat(after).isEqualTo(c.caller.user)));
    columns.add(post("task complete", "/engine-rest/task/{task}/complete")
        .body(c -> Map.of("variables", Map.of("signResult", typed("sign", "String"))))
        .onFreshReport()
        .changes(c -> taskService.createTaskQuery().taskId(c.report.taskId()).count(),
            (c, before, after, r) -> assertThat(after).isEqualTo(0L)));
    columns.add(get("task variables read", "/engine-rest/task/{task}/variables"));
    columns.add(put("task variables modify", "/engine-rest/task/{task}/variables/matrixNote")
        .body(c -> typed("改动 " + c.nonce, "String"))
        .onFreshReport()
        .changes(c -> taskService.getVariable(c.report.taskId(), "matrixNote"),
            (c, before, after, r) -> assertThat(after).isEqualTo("改动 " + c.nonce)));
    columns.add(post("task create", "/engine-rest/task/create")
        .body(c -> Map.of("id", "matrix-" + c.nonce, "name", "散任务 " + c.nonce))
        .changes(c -> taskService.createTaskQuery().taskId("matrix-" + c.nonce).count(),
            (c, before, after, r) -> assertThat(after).isEqualTo(1L))
        .cleanup(c -> {
          if (taskService.createTaskQuery().taskId("matrix-" + c.nonce).count() > 0) {
            taskService.deleteTask("matrix-" + c.nonce, true);
          }
        }));
    columns.add(get("process-instance read", "/engine-rest/process-instance?processInstanceIds={pi}")
        .showsId(c -> c.report.processInstanceId()));
    columns.add(post("process-instance start", "/engine-rest/process-definition/key/hotline12345/submit-form")
        .body(c -> Map.of("variables", typedVariables(appeal("普通市民" + c.nonce, "13900001357"))))
        .changes(c -> hotlineInstances(),
            (c, before, after, r) -> {
              assertThat((Integer) after).isEqualTo((Integer) before + 1);
              assertThat(runtimeService.createProcessInstanceQuery()
                  .processInstanceId(EngineRest.json(r.getBody()).path("id").asText()).count()).isOne();
            }));
    columns.add(put("process-instance suspend", "/engine-rest/process-instance/{pi}/suspended")
        .body(c -> Map.of("suspended", true))
        .onFreshReport()
        .changes(c -> runtimeService.createProcessInstanceQuery().processInstanceId(c.report.processInstanceId())
                .singleResult().isSuspended(),
            (c, before, after, r) -> assertThat(after).isEqualTo(true)));
    columns.add(post("process-instance modify", "/engine-rest/process-instance/{pi}/modification")
        .body(c -> Map.of("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_SignFor"))))
        .onFreshReport()
        .changes(c -> taskService.createTaskQuery().processInstanceId(c.report.processInstanceId())
                .taskDefinitionKey("Task_SignFor").count(),
            (c, before, after, r) -> assertThat(after).isEqualTo((Long) before + 1)));
    columns.add(delete("process-instance delete", "/engine-rest/process-instance/{pi}")
        .onFreshReport()
        .changes(c -> runtimeService.createProcessInstanceQuery().processInstanceId(c.report.processInstanceId()).count(),
            (c, before, after, r) -> assertThat(after).isEqualTo(0L)));
    columns.add(get("history read", "/engine-rest/history/process-instance?processInstanceId={pi}")
        .showsId(c -> c.report.processInstanceId()));
    columns.add(get("history variables read", "/engine-rest/history/variable-instance?processInstanceId={pi}")
        .shows((answer, c) -> answer.findValuesAsText("processInstanceId").contains(c.report.processInstanceId())));
    columns.add(post("deployment create", "/engine-rest/deployment/create")
        .multipart(c -> deploymentParts("matrix-" + c.nonce))
        .changes(c -> repositoryService.createDeploymentQuery().deploymentName("matrix-" + c.nonce).count(),
            (c, before, after, r) -> assertThat(after).isEqualTo(1L))
        .cleanup(c -> repositoryService.createDeploymentQuery().deploymentName("matrix-" + c.nonce).list()
            .forEach(d -> repositoryService.deleteDeployment(d.getId(), true))));
    columns.add(delete("deployment delete", "/engine-rest/deployment/{deployment}")
        .prepare(c -> c.values.put("deployment", deployProbe("matrix-delete-" + c.nonce)))
        .changes(c -> repositoryService.createDeploymentQuery().deploymentId(c.values.get("deployment")).count(),
            (c, before, after, r) -> assertThat(after).isEqualTo(0L))
        .cleanup(c -> repositoryService.createDeploymentQuery().deploymentId(c.values.get("deployment")).list()
            .forEach(d -> repositoryService.deleteDeployment(d.getId(), true))));
    columns.add(get("user read", "/engine-rest/user?id=admin").showsId(c -> EngineRest.ADMIN));
    columns.add(post("user create", "/engine-rest/user/create")
        .body(c -> Map.of("profile", Map.of("id", "matrix" + c.nonce, "firstName", "测", "lastName", "试",
            "email", "matrix" + c.nonce + "@serviceflow.local"), "credentials", Map.of("password", "Matrix-" + c.nonce)))
        .changes(c -> identityService.createUserQuery().userId("matrix" + c.nonce).count(),
            (c, before, after, r) -> assertThat(after).isEqualTo(1L))
        .cleanup(c -> identityService.deleteUser("matrix" + c.nonce)));
    columns.add(get("group read", "/engine-rest/group?id=camunda-admin").showsId(c -> Groups.CAMUNDA_ADMIN));
    columns.add(post("group create", "/engine-rest/group/create")
        .body(c -> Map.of("id", "matrix-" + c.nonce, "name", "矩阵测试", "type", StaffGroup.GROUP_TYPE))
        .changes(c -> identityService.createGroupQuery().groupId("matrix-" + c.nonce).count(),
            (c, before, after, r) -> assertThat(after).isEqualTo(1L))
        .cleanup(c -> identityService.deleteGroup("matrix-" + c.nonce)));
    columns.add(get("job read", "/engine-rest/job?processInstanceId={pi}").showsId(c -> c.report.jobId()));
    columns.add(put("job modify", "/engine-rest/job/{job}/retries")
        .body(c -> Map.of("retries", 7))
        .onFreshReport()
        .changes(c -> managementService.createJobQuery().jobId(c.report.jobId()).singleResult().getRetries(),
            (c, before, after, r) -> assertThat(after).isEqualTo(7)));
    columns.add(get("incident read", "/engine-rest/incident?processInstanceId={pi}")
        .showsId(c -> c.report.incidentId()));

    // our API: intake and administration
    columns.add(post("POST complaints", "/api/complaints").body(c -> complaint("客户" + c.nonce))
        .changes(c -> cases(), (c, before, after, r) -> assertThat((Integer) after).isEqualTo((Integer) before + 1)));
    columns.add(post("POST service-requests", "/api/service-requests").body(c -> serviceRequest("客户" + c.nonce))
        .changes(c -> cases(), (c, before, after, r) -> assertThat((Integer) after).isEqualTo((Integer) before + 1)));
    columns.add(post("POST hotline appeals", "/api/hotline/appeals").body(c -> appeal("市民" + c.nonce, "13900002468"))
        .changes(c -> cases(), (c, before, after, r) -> assertThat((Integer) after).isEqualTo((Integer) before + 1)));
    columns.add(post("POST process-changes", "/api/process-changes").multipart(c -> processChangeParts())
        .changes(c -> cases(), (c, before, after, r) -> assertThat((Integer) after).isEqualTo((Integer) before + 1)));
    columns.add(get("GET unit assessment", "/api/hotline/units/assessment?month=2026-11"));
    columns.add(get("GET notifications", "/api/notifications?status=FAILED"));
    columns.add(post("POST notification retry", "/api/notifications/{notification}/retry")
        .prepare(c -> c.values.put("notification", String.valueOf(failedNotification(c.nonce))))
        .changes(c -> notificationStatus(c.values.get("notification")),
            (c, before, after, r) -> assertThat(after).isEqualTo("PENDING")));
    columns.add(post("POST calendar reload", "/api/calendar/reload"));

    // our API: cases, the caller's own things, the calendar
    columns.add(get("GET 举报 case", "/api/cases/{rx}"));
    columns.add(get("GET 举报 timeline", "/api/cases/{rx}/timeline"));
    columns.add(get("GET 投诉 case", "/api/cases/{cp}"));
    columns.add(get("GET 投诉 timeline", "/api/cases/{cp}/timeline"));
    columns.add(get("GET process-catalogue", "/api/process-catalogue"));
    columns.add(get("GET inbox", "/api/inbox"));
    columns.add(post("POST inbox read", "/api/inbox/{message}/read")
        .prepare(c -> c.values.put("message", String.valueOf(inboxMessage(c.caller.user == null ? "nobody" : c.caller.user))))
        .changes(c -> readAt(c.values.get("message")) != null,
            (c, before, after, r) -> assertThat(after).isEqualTo(true)));
    columns.add(get("GET me", "/api/me"));
    columns.add(get("GET calendar workdays", "/api/calendar/workdays?from=2026-09-30&days=3"));
    columns.add(get("GET calendar days", "/api/calendar/days?from=2026-10-01&to=2026-10-08"));

    // our API: pauses and deadline recalculation
    columns.add(get("GET 举报 pauses", "/api/cases/{rx}/pauses"));
    columns.add(get("GET 举报 pause types", "/api/cases/{rx}/pauses/types"));
    columns.add(post("POST 举报 pause", "/api/cases/{rx}/pauses")
        .body(c -> Map.of("type", "customer-unreachable", "reason", "矩阵测试：市民电话无人接听"))
        .onFreshReport()
        .changes(c -> runningPauses(c.report.caseNumber()),
            (c, before, after, r) -> assertThat(after).isEqualTo(1))
        .cleanup(c -> resumeIfPaused(c.report.caseNumber())));
    columns.add(post("POST 举报 resume", "/api/cases/{rx}/pauses/resume")
        .onFreshReport()
        .prepare(c -> pause(c.report.caseNumber()))
        .changes(c -> runningPauses(c.report.caseNumber()),
            (c, before, after, r) -> assertThat(after).isEqualTo(0))
        .cleanup(c -> resumeIfPaused(c.report.caseNumber())));
    columns.add(get("GET deadline recalculation", "/api/deadlines/recalculation"));
    columns.add(post("POST deadline recalculation", "/api/deadlines/recalculation"));

    // our API: 并单 on the shared complaint (customer service and its lead merge a repeat call; only the lead splits)
    columns.add(get("GET 投诉 duplicates", "/api/cases/duplicates?type=complaint&phone=13812345678&subject=净水器漏水"));
    columns.add(post("POST 投诉 contact", "/api/cases/{cp}/contacts")
        .body(c -> repeatContact(c.nonce))
        .changes(c -> repeatContacts(c.values.get("cp")),
            (c, before, after, r) -> assertThat((Integer) after).isEqualTo((Integer) before + 1)));
    columns.add(post("POST 投诉 contact split", "/api/cases/{cp}/contacts/{contact}/split")
        .body(c -> Map.of("reason", "矩阵测试：误并"))
        .prepare(c -> c.values.put("contact", mergedContact(c.values.get("cp"), c.nonce)))
        .changes(c -> splitCaseOf(c.values.get("contact")), (c, before, after, r) -> assertThat(after).isNotNull()));

    // our API: task collaboration on the 举报's 签收 task (passed back to dispatch: paidan, hotline-dispatchers)
    columns.add(post("POST task transfer", "/api/tasks/{task}/transfer")
        .body(c -> Map.of("to", DISPATCHER, "reason", "矩阵测试：不属本单位职责"))
        .onFreshReport()
        .changes(c -> assignee(c.report.taskId()), (c, before, after, r) -> assertThat(after).isEqualTo(DISPATCHER)));
    columns.add(post("POST task delegate", "/api/tasks/{task}/delegate")
        .body(c -> Map.of("to", DISPATCHER, "reason", "矩阵测试：请派单员核实地址"))
        .onFreshReport()
        .changes(c -> delegation(c.report.taskId()),
            (c, before, after, r) -> assertThat(after).isEqualTo("PENDING " + DISPATCHER)));
    columns.add(post("POST task resolve", "/api/tasks/{task}/resolve")
        .body(c -> Map.of("reason", "矩阵测试：已核实"))
        .onOwnReport()
        .prepare(c -> delegateToDispatcher(c.report.taskId()))
        .changes(c -> delegation(c.report.taskId()),
            (c, before, after, r) -> assertThat(after).isEqualTo("RESOLVED " + REPORT_UNIT_USER)));
    columns.add(post("POST task copy", "/api/tasks/{task}/copy")
        .body(c -> Map.of("to", List.of(DISPATCHER), "reason", "矩阵测试：请知悉 " + c.nonce))
        .changes(c -> inboxNotices(DISPATCHER, c.nonce),
            (c, before, after, r) -> assertThat(after).isEqualTo(1)));
    // 撤回: only the operator who dispatched the 举报 (huawu) may take the dispatch back while 签收 waits unclaimed
    columns.add(post("POST 举报 recall", "/api/cases/{rx}/recall")
        .body(c -> Map.of("taskDefinitionKey", "Task_TriageAppeal", "reason", "矩阵测试：派错单位"))
        .onFreshReport()
        .changes(c -> openTaskKeys(c.report.processInstanceId()),
            (c, before, after, r) -> assertThat(after).isEqualTo(List.of("Task_TriageAppeal"))));

    // our API: the knowledge base
    columns.add(get("GET knowledge search", "/api/knowledge?q=社保卡丢了怎么补办")
        .shows((answer, c) -> answer.findValuesAsText("title").contains("社保卡丢失补办")));
    columns.add(get("GET knowledge entry", "/api/knowledge/{ke}")
        .prepare(c -> c.values.put("ke", String.valueOf(jdbc.queryForObject(
            "select id from knowledge_entry where title = '社保卡丢失补办'", Long.class)))));
    columns.add(post("POST knowledge entry", "/api/knowledge")
        .body(c -> knowledgeEntry("矩阵测试条目 " + c.nonce))
        .changes(c -> knowledgeEntries("矩阵测试条目 " + c.nonce),
            (c, before, after, r) -> assertThat(after).isEqualTo(1))
        .cleanup(c -> jdbc.update("delete from knowledge_entry where title = ?", "矩阵测试条目 " + c.nonce)));
    columns.add(put("PUT knowledge entry", "/api/knowledge/{ke}")
        .prepare(c -> c.values.put("ke", String.valueOf(knowledgeEntryFor(c.nonce))))
        .body(c -> knowledgeEntry("改过的矩阵条目 " + c.nonce))
        .changes(c -> jdbc.queryForObject("select title from knowledge_entry where id = ?", String.class,
                Long.parseLong(c.values.get("ke"))),
            (c, before, after, r) -> assertThat(after).isEqualTo("改过的矩阵条目 " + c.nonce))
        .cleanup(c -> jdbc.update("delete from knowledge_entry where id = ?", Long.parseLong(c.values.get("ke")))));
    columns.add(delete("DELETE knowledge entry", "/api/knowledge/{ke}")
        .prepare(c -> c.values.put("ke", String.valueOf(knowledgeEntryFor(c.nonce))))
        .changes(c -> jdbc.queryForObject("select count(*) from knowledge_entry where id = ?", Integer.class,
                Long.parseLong(c.values.get("ke"))),
            (c, before, after, r) -> assertThat(after).isEqualTo(0))
        .cleanup(c -> jdbc.update("delete from knowledge_entry where id = ?", Long.parseLong(c.values.get("ke")))));

    // our API: monthly reports, on the 12345 unit assessment of 2026-11 (rows per unit)
    columns.add(get("GET reports", "/api/reports?type=unitAssessment"));
    columns.add(get("GET report", "/api/reports/{report}").prepare(c -> c.values.put("report", unitAssessmentRecord())));
    columns.add(get("GET report comparison", "/api/reports/{report}/comparison")
        .prepare(c -> c.values.put("report", unitAssessmentRecord())));
    columns.add(get("GET report export", "/api/reports/{report}/export?format=csv")
        .prepare(c -> c.values.put("report", unitAssessmentRecord())));
    columns.add(get("GET report figures", "/api/reports/figures?type=unitAssessment&period=2026-11"));
    columns.add(get("GET report dashboard", "/api/reports/dashboard?period=2026-11"));
    columns.add(get("GET report figures export",
        "/api/reports/figures/export?type=unitAssessment&period=2026-11&format=csv"));
    return columns;
  }

  /** The (compiled, unconfirmed) record of the 12345 unit assessment of 2026-11. */
  private String unitAssessmentRecord() {
    return String.valueOf(reportRecords.compile(ReportType.UNIT_ASSESSMENT, YearMonth.of(2026, 11), null, null));
  }

  private static Column get(String name, String template) {
    return new Column(name, HttpMethod.GET, template);
  }

  private static Column post(String name, String template) {
    return new Column(name, HttpMethod.POST, template);
  }

  private static Column put(String name, String template) {
    return new Column(name, HttpMethod.PUT, template);
  }

  private static Column delete(String name, String template) {
    return new Column(name, HttpMethod.DELETE, template);
  }

  // ---------------------------------------------------------------------------------------------------------
  // the tests

  @TestFactory
  Stream<DynamicNode> shouldAnswerEveryCellAsTheMatrixSays() throws IOException {
    AuthorizationMatrix matrix = AuthorizationMatrix.read();
    List<Column> columns = columns();
    complaintCase = created(as(Caller.of("customer-service"), HttpMethod.POST, "/api/complaints",
        complaint("矩阵投诉客户"), MediaType.APPLICATION_JSON));
    sharedReport = newReport();
    return matrix.groups().stream().map(group -> dynamicContainer(group, columns.stream()
        .map(column -> dynamicTest(group + " × " + column.name + " = " + matrix.cell(group, column.name).marker,
            () -> perform(Caller.of(group), column, matrix.cell(group, column.name))))));
  }

  @Test
  void shouldListEveryGroupAndDescribeEveryColumnAsTheTestPerformsIt() throws IOException {
    AuthorizationMatrix matrix = AuthorizationMatrix.read();
    Set<String> groups = new LinkedHashSet<>();
    groups.add(AuthorizationMatrix.ANONYMOUS);
    for (StaffGroup group : StaffGroup.values()) {
      groups.add(group.id());
    }
    groups.add(Groups.CAMUNDA_ADMIN);
    assertThat(matrix.groups()).containsExactlyInAnyOrderElementsOf(groups);

    Map<String, String> requests = new LinkedHashMap<>();
    columns().forEach(column -> requests.put(column.name, column.request()));
    assertThat(matrix.columns()).containsExactlyInAnyOrderElementsOf(requests.keySet());
    assertThat(matrix.requests()).as("the legend names each column's request").isEqualTo(requests);
    for (String group : matrix.groups()) {
      assertThat(matrix.cells().get(group).keySet()).as("cells of %s", group)
          .containsExactlyInAnyOrderElementsOf(requests.keySet());
    }
  }

  @Test
  void shouldCoverEveryApiEndpointOfTheControllers() {
    Set<String> endpoints = new LinkedHashSet<>();
    handlerMapping.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
        .filter(pattern -> pattern.startsWith("/api"))
        .forEach(pattern -> info.getMethodsCondition().getMethods()
            .forEach(method -> endpoints.add(method.name() + " " + normalised(pattern)))));
    assertThat(endpoints).as("the scan found our controllers").contains("GET /api/me");

    Set<String> covered = new LinkedHashSet<>();
    columns().forEach(column -> covered.add(column.method.name() + " " + normalised(column.template)));
    assertThat(covered).containsAll(endpoints);
  }

  @Test
  void shouldKeepTheRulesOfTheIssueInTheTable() throws IOException {
    AuthorizationMatrix matrix = AuthorizationMatrix.read();
    for (Column column : columns()) {
      if (column.method != HttpMethod.GET && !column.name.equals("POST inbox read")) {
        assertThat(matrix.cell("auditors", column.name)).as("auditors are read-only: %s", column.name)
            .isEqualTo(Expectation.FORBIDDEN);
      }
      assertThat(matrix.cell(AuthorizationMatrix.ANONYMOUS, column.name)).isEqualTo(Expectation.UNAUTHENTICATED);
    }
    for (String group : matrix.groups()) {
      for (String deployment : List.of("deployment create", "deployment delete")) {
        assertThat(matrix.cell(group, deployment).allowed()).as("%s × %s", group, deployment)
            .isEqualTo(Groups.CAMUNDA_ADMIN.equals(group));
      }
      if (group.startsWith(StaffGroup.UNIT_PREFIX)) {
        for (String read : List.of("GET 举报 case", "GET 举报 timeline", "task read", "task variables read")) {
          assertThat(matrix.cell(group, read).equals(Expectation.ALLOWED)).as("%s × %s", group, read)
              .isEqualTo(REPORT_UNIT.equals(group));
        }
        for (String read : List.of("GET 投诉 case", "GET 投诉 timeline", "process-instance read", "history read",
            "history variables read")) {
          assertThat(matrix.cell(group, read).allowed() && matrix.cell(group, read) != Expectation.FILTERED)
              .as("a unit reads only its own cases: %s × %s", group, read).isFalse();
        }
      }
    }
  }

  @Test
  void shouldGrantDeploymentChangesToCamundaAdminOnly() {
    List<Authorization> grants = new ArrayList<>(authorizationService.createAuthorizationQuery()
        .resourceType(Resources.DEPLOYMENT).authorizationType(Authorization.AUTH_TYPE_GRANT).list());
    grants.addAll(authorizationService.createAuthorizationQuery()
        .resourceType(Resources.DEPLOYMENT).authorizationType(Authorization.AUTH_TYPE_GLOBAL).list());
    assertThat(grants).as("the admin's grants exist").isNotEmpty();
    for (Authorization grant : grants) {
      if (grant.isPermissionGranted(Permissions.CREATE) || grant.isPermissionGranted(Permissions.DELETE)) {
        assertThat(grant.getGroupId()).as("DEPLOYMENT %s grant of user %s / group %s", grant.getResourceId(),
            grant.getUserId(), grant.getGroupId()).isEqualTo(Groups.CAMUNDA_ADMIN);
      }
    }
  }

  @Test
  void shouldRefuseDeploymentChangesThroughRestEvenWithAGrantMadeByHand() {
    // given: someone gave quality the right to deploy and delete deployments in Admin
    Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(StaffGroup.QUALITY.id());
    grant.setResource(Resources.DEPLOYMENT);
    grant.setResourceId(Authorization.ANY);
    grant.addPermission(Permissions.CREATE);
    grant.addPermission(Permissions.DELETE);
    grant.addPermission(Permissions.READ);
    authorizationService.saveAuthorization(grant);
    String existing = deployProbe("matrix-guard-existing");
    Caller quality = Caller.of(StaffGroup.QUALITY.id());
    try {
      // when
      ResponseEntity<String> created = as(quality, HttpMethod.POST, "/engine-rest/deployment/create",
          deploymentParts("matrix-guard-new"), MediaType.MULTIPART_FORM_DATA);
      ResponseEntity<String> redeployed = as(quality, HttpMethod.POST, "/engine-rest/deployment/" + existing
          + "/redeploy", Map.of(), MediaType.APPLICATION_JSON);
      ResponseEntity<String> deleted = as(quality, HttpMethod.DELETE, "/engine-rest/deployment/" + existing, null,
          MediaType.APPLICATION_JSON);

      // then
      for (ResponseEntity<String> refused : List.of(created, redeployed, deleted)) {
        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(EngineRest.json(refused.getBody()).path("type").asText()).isEqualTo("AuthorizationException");
      }
      assertThat(repositoryService.createDeploymentQuery().deploymentName("matrix-guard-new").count()).isZero();
      assertThat(repositoryService.createDeploymentQuery().deploymentName("matrix-guard-existing").count()).isOne();
      assertThat(as(quality, HttpMethod.GET, "/engine-rest/deployment?name=matrix-guard-existing", null,
          MediaType.APPLICATION_JSON).getStatusCode()).as("reading stays as granted").isEqualTo(HttpStatus.OK);
    } finally {
      authorizationService.deleteAuthorization(grant.getId());
      repositoryService.createDeploymentQuery().deploymentName("matrix-guard-existing").list()
          .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // performing a cell

  private void perform(Caller caller, Column column, Expectation expected) {
    Report report = column.ownReport || column.freshReport && expected == Expectation.ALLOWED ? newReport()
        : sharedReport;
    Cell cell = new Cell(caller, report, complaintCase);
    column.prepare.accept(cell);
    try {
      Object before = column.observe == null ? null : column.observe.apply(cell);
      ResponseEntity<String> response = as(caller, column.method, cell.path(column.template), column.body.apply(cell),
          column.contentType);
      String body = Objects.toString(response.getBody(), "");
      String what = caller.group() + " × " + column.name + " (" + column.request() + "): " + response.getStatusCode()
          + " " + abbreviated(body);
      switch (expected) {
        case ALLOWED, FILTERED -> {
          assertThat(response.getStatusCode().is2xxSuccessful()).as(what).isTrue();
          if (column.shows != null) {
            assertThat(column.shows.test(EngineRest.json(body), cell)).as("target shown? " + what)
                .isEqualTo(expected == Expectation.ALLOWED);
          } else {
            assertThat(expected).as("∅ is for list reads only: " + what).isEqualTo(Expectation.ALLOWED);
          }
        }
        case UNAUTHENTICATED -> assertThat(response.getStatusCode()).as(what).isEqualTo(HttpStatus.UNAUTHORIZED);
        case FORBIDDEN -> assertThat(response.getStatusCode()).as(what).isEqualTo(HttpStatus.FORBIDDEN);
      }
      if (column.observe != null) {
        Object after = column.observe.apply(cell);
        if (expected.allowed()) {
          column.allowedEffect.check(cell, before, after, response);
        } else {
          assertThat(after).as("a refused request changes nothing: " + what).isEqualTo(before);
        }
      }
      if (!SEE_IDENTITY.contains(caller.group())) {
        assertThat(body).as("the reporter's identity in " + what).doesNotContain(REPORTER_NAME)
            .doesNotContain(REPORTER_PHONE);
      }
    } finally {
      column.cleanup.accept(cell);
    }
  }

  private ResponseEntity<String> as(Caller caller, HttpMethod method, String path, Object body, MediaType type) {
    TestRestTemplate client = caller.user() == null ? rest : rest.withBasicAuth(caller.user(), caller.password());
    HttpHeaders headers = new HttpHeaders();
    Object entity = body;
    if (body != null) {
      headers.setContentType(type);
      if (type.equals(MediaType.APPLICATION_JSON)) {
        entity = json(body);
      }
    }
    return client.exchange(path, method, new HttpEntity<>(entity, headers), String.class);
  }

  private static String abbreviated(String body) {
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }

  private static String json(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** "/api/cases/{caseNumber}/timeline?x=1" → "/api/cases/{}/timeline". */
  private static String normalised(String pattern) {
    int query = pattern.indexOf('?');
    return (query < 0 ? pattern : pattern.substring(0, query)).replaceAll("\\{[^}]*}", "{}");
  }

  // ---------------------------------------------------------------------------------------------------------
  // fixtures

  /** A 举报 about the market taken in by the operator, dispatched (to unit-market) and waiting at 签收. */
  private Report newReport() {
    ObjectNode report = IntakeRequests.report(REPORTER_NAME, REPORTER_PHONE);
    String caseNumber = created(as(Caller.of("hotline-operators"), HttpMethod.POST, "/api/hotline/appeals", report,
        MediaType.APPLICATION_JSON));
    new EngineRest(rest).complete(caseNumber, new Step("Task_TriageAppeal", OPERATOR, Map.of("triageResult", "dispatch")));
    Task signFor = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey("Task_SignFor")
        .singleResult();
    assertThat(taskService.getIdentityLinksForTask(signFor.getId())).as("dispatched to " + REPORT_UNIT)
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo(REPORT_UNIT));
    String processInstanceId = signFor.getProcessInstanceId();
    List<Job> jobs = managementService.createJobQuery().processInstanceId(processInstanceId).list();
    assertThat(jobs).as("the sign-for timer").isNotEmpty();
    // (the configuration is the incident's identity for its handler: one of its own per report)
    String incidentId = runtimeService.createIncident("serviceflowMatrix", signFor.getExecutionId(),
        "authorization matrix " + caseNumber, "矩阵测试用的事件").getId();
    return new Report(caseNumber, processInstanceId, signFor.getId(), jobs.get(0).getId(), incidentId);
  }

  private static String created(ResponseEntity<String> response) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    return EngineRest.json(response.getBody()).path("caseNumber").asText();
  }

  private List<String> openTaskKeys(String processInstanceId) {
    return taskService.createTaskQuery().processInstanceId(processInstanceId).list().stream()
        .map(Task::getTaskDefinitionKey).sorted().toList();
  }

  private String assignee(String taskId) {
    return taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee();
  }

  private Integer hotlineInstances() {
    return jdbc.queryForObject("select count(*) from act_hi_procinst where proc_def_key_ = 'hotline12345'", Integer.class);
  }

  /** "STATE assignee" of the task's delegation, e.g. "PENDING paidan". */
  private String delegation(String taskId) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    return task.getDelegationState() + " " + task.getAssignee();
  }

  /** The unit's user took the task and delegated it to the dispatcher, who may hand it back. */
  private void delegateToDispatcher(String taskId) {
    taskService.setAssignee(taskId, REPORT_UNIT_USER);
    taskService.delegateTask(taskId, DISPATCHER);
  }

  private Integer inboxNotices(String userId, String nonce) {
    return jdbc.queryForObject("select count(*) from notification where channel = 'INBOX' and recipient = ? "
        + "and body like ?", Integer.class, userId, "%" + nonce + "%");
  }

  private Integer runningPauses(String caseNumber) {
    return jdbc.queryForObject("select count(*) from case_pause where case_number = ? and ended_at is null",
        Integer.class, caseNumber);
  }

  private void pause(String caseNumber) {
    ResponseEntity<String> paused = as(Caller.of(Groups.CAMUNDA_ADMIN), HttpMethod.POST,
        "/api/cases/" + caseNumber + "/pauses", Map.of("type", "customer-unreachable", "reason", "矩阵测试：先挂起"),
        MediaType.APPLICATION_JSON);
    assertThat(paused.getStatusCode()).as(paused.getBody()).isEqualTo(HttpStatus.CREATED);
  }

  /** The shared report must not stay paused for the next cells. */
  private void resumeIfPaused(String caseNumber) {
    if (runningPauses(caseNumber) > 0) {
      ResponseEntity<String> resumed = as(Caller.of(Groups.CAMUNDA_ADMIN), HttpMethod.POST,
          "/api/cases/" + caseNumber + "/pauses/resume", null, MediaType.APPLICATION_JSON);
      assertThat(resumed.getStatusCode()).as(resumed.getBody()).isEqualTo(HttpStatus.OK);
    }
  }

  private static Map<String, Object> repeatContact(String nonce) {
    return Map.of("callerName", "矩阵投诉客户", "callerPhone", "13812345678", "text", "净水器还在漏水 " + nonce,
        "channel", "phone", "reason", "矩阵测试：同一问题再次来电");
  }

  private Integer repeatContacts(String caseNumber) {
    return jdbc.queryForObject("select count(*) from repeat_contact where master_case_number = ?", Integer.class,
        caseNumber);
  }

  /** A repeat call merged into the complaint by customer service, to be split off. */
  private String mergedContact(String caseNumber, String nonce) {
    ResponseEntity<String> merged = as(Caller.of("customer-service"), HttpMethod.POST,
        "/api/cases/" + caseNumber + "/contacts", repeatContact(nonce), MediaType.APPLICATION_JSON);
    assertThat(merged.getStatusCode()).as(merged.getBody()).isEqualTo(HttpStatus.CREATED);
    return EngineRest.json(merged.getBody()).path("contactId").asText();
  }

  private String splitCaseOf(String contactId) {
    return jdbc.queryForObject("select split_case_number from repeat_contact where id = ?", String.class,
        Long.parseLong(contactId));
  }

  private static Map<String, Object> knowledgeEntry(String title) {
    return Map.of("title", title, "answer", "矩阵测试用的答复", "category", "测试", "source", "矩阵测试",
        "ownerGroup", "hotline-supervisors", "reviewDate", "2027-12-31");
  }

  private Integer knowledgeEntries(String title) {
    return jdbc.queryForObject("select count(*) from knowledge_entry where title = ?", Integer.class, title);
  }

  /** A knowledge entry of its own for one cell (its search terms do not matter here). */
  private long knowledgeEntryFor(String nonce) {
    return jdbc.queryForObject("insert into knowledge_entry (title, answer, category, source, owner_group, review_date, "
        + "title_terms, answer_terms, usage_count, updated_at, updated_by) values (?, '矩阵测试用的答复', '测试', '矩阵测试', "
        + "'hotline-supervisors', date '2027-12-31', '', '', 0, current_timestamp, 'matrix') returning id", Long.class,
        "矩阵条目 " + nonce);
  }

  private Integer cases() {
    return jdbc.queryForObject("select count(*) from service_case", Integer.class);
  }

  private long failedNotification(String nonce) {
    return jdbc.queryForObject("insert into notification (channel, recipient, template_key, subject, body, status, "
        + "attempts, last_error, created_at) values ('EMAIL', ?, 'matrix', '矩阵测试', '矩阵测试', 'FAILED', 5, "
        + "'SMTP 不可用', current_timestamp) returning id", Long.class, "matrix" + nonce + "@example.com");
  }

  private String notificationStatus(String id) {
    return jdbc.queryForObject("select status from notification where id = ?", String.class, Long.parseLong(id));
  }

  private long inboxMessage(String userId) {
    return jdbc.queryForObject("insert into notification (channel, recipient, template_key, subject, body, status, "
        + "created_at, sent_at) values ('INBOX', ?, 'matrix', '矩阵测试', '矩阵测试', 'SENT', current_timestamp, "
        + "current_timestamp) returning id", Long.class, userId);
  }

  private Object readAt(String id) {
    return jdbc.queryForObject("select read_at from notification where id = ?", Object.class, Long.parseLong(id));
  }

  private String deployProbe(String name) {
    return repositoryService.createDeployment().name(name)
        .addString("matrix-probe.bpmn", probeBpmn()).deploy().getId();
  }

  private static MultiValueMap<String, Object> deploymentParts(String name) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", name);
    parts.add("data", new ByteArrayResource(probeBpmn().getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "matrix-probe.bpmn";
      }
    });
    return parts;
  }

  /** A process that runs an expression: what a deployment through REST could make the server do. */
  private static String probeBpmn() {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_MatrixProbe"
            targetNamespace="http://serviceflow.org/test">
          <bpmn:process id="matrixProbe" name="矩阵探针" isExecutable="true" camunda:historyTimeToLive="1">
            <bpmn:startEvent id="StartEvent_Probe"/>
            <bpmn:sequenceFlow id="SequenceFlow_1" sourceRef="StartEvent_Probe" targetRef="Task_Probe"/>
            <bpmn:serviceTask id="Task_Probe" camunda:expression="${execution.getProcessEngineServices()}"/>
            <bpmn:sequenceFlow id="SequenceFlow_2" sourceRef="Task_Probe" targetRef="EndEvent_Probe"/>
            <bpmn:endEvent id="EndEvent_Probe"/>
          </bpmn:process>
        </bpmn:definitions>
        """;
  }

  private static MultiValueMap<String, Object> processChangeParts() {
    ObjectNode request = JSON.createObjectNode();
    request.put("targetProcessKey", "complaint");
    request.put("targetProcessName", "投诉处理");
    request.put("changeType", "change");
    request.put("level", 2);
    request.put("category", "business");
    request.put("trigger", "complaint-analysis");
    request.put("description", "客服部与质量管理部分工调整（组织变更，无模型文件）");
    request.put("effectiveDate", LocalDate.now(SHANGHAI).plusDays(7).toString());
    request.put("ownerGroup", "customer-service");
    request.putArray("affectedGroups").add("customer-service");
    HttpHeaders jsonPart = new HttpHeaders();
    jsonPart.setContentType(MediaType.APPLICATION_JSON);
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("request", new HttpEntity<>(request.toString(), jsonPart));
    return parts;
  }

  static ObjectNode serviceRequest(String customerName) {
    ObjectNode request = JSON.createObjectNode();
    request.put("customerName", customerName);
    request.put("customerPhone", "13912345678");
    request.put("customerEmail", "customer@example.com");
    request.put("address", "上海市浦东新区世纪大道 100 号 1201 室");
    request.put("productLine", "appliance");
    request.put("productModel", "JSQ-500");
    request.put("serialNumber", "JSQ500-2026-00042");
    request.put("purchaseDate", LocalDate.now(SHANGHAI).minusMonths(2).toString());
    request.put("proofOfPurchase", "FP-2026-0910-77");
    request.put("serviceType", "repair");
    request.put("faultDescription", "净水器出水很慢，滤芯指示灯一直闪烁");
    request.put("urgency", "normal");
    return request;
  }

  private static Map<String, Object> typed(Object value, String type) {
    return Map.of("value", value, "type", type);
  }

  /** The start form's variables in Camunda REST's typed format (not confidential). */
  private static Map<String, Object> typedVariables(ObjectNode appeal) {
    Map<String, Object> variables = new LinkedHashMap<>();
    appeal.fields().forEachRemaining(field -> variables.put(field.getKey(), typed(field.getValue().asText(), "String")));
    variables.put("confidential", typed(false, "Boolean"));
    return variables;
  }
}
