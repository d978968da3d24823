package org.serviceflow.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Fuzzed form submissions (issue 14 item 3, "every form's submit"): the submit-form call Tasklist makes, for every
 * start form and for two task forms, with valid values changed by up to four hostile mutations ({@link Mutation},
 * {@link HostileJson}) and now and then a hostile variable type. Required as for the intake: never a 5xx, a
 * refusal is 400 problem details naming the field, and a refused submission starts or completes nothing.
 */
class FormSubmitFuzzTest {

  static final int START_TRIES = 120;
  static final int TASK_TRIES = 80;
  static final List<String> TYPES = List.of("String", "Integer", "Long", "Double", "Boolean", "Json", "Object",
      "Date", "Bytes", "File", "Null", "Xml", "Short", "x", "");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static FuzzedApplication app;

  @BeforeContainer
  static void start() {
    app = FuzzedApplication.get();
  }

  /** A change of one variable's type in the submission, or none. */
  record TypeChange(String field, String type) {
  }

  @Provide
  Arbitrary<TypeChange> complaintType() {
    return typeChange(IntakeFuzzTest.COMPLAINT.keySet());
  }

  @Provide
  Arbitrary<List<Mutation>> complaintMutations() {
    return Mutation.of(IntakeFuzzTest.COMPLAINT.keySet());
  }

  @Property(tries = START_TRIES)
  void shouldAnswerEveryComplaintStartFormWith200Or400(@ForAll("complaintMutations") List<Mutation> mutations,
      @ForAll("complaintType") TypeChange type) {
    start("kefu1", "complaint", "complaint/StartEvent_ComplaintReceived", IntakeFuzzTest.COMPLAINT, mutations, type);
  }

  @Provide
  Arbitrary<TypeChange> serviceRequestType() {
    return typeChange(IntakeFuzzTest.SERVICE_REQUEST.keySet());
  }

  @Provide
  Arbitrary<List<Mutation>> serviceRequestMutations() {
    return Mutation.of(IntakeFuzzTest.SERVICE_REQUEST.keySet());
  }

  @Property(tries = START_TRIES)
  void shouldAnswerEveryServiceRequestStartFormWith200Or400(@ForAll("serviceRequestMutations") List<Mutation> mutations,
      @ForAll("serviceRequestType") TypeChange type) {
    start("kefu1", "afterSalesService", "afterSalesService/StartEvent_ServiceRequested", IntakeFuzzTest.SERVICE_REQUEST,
        mutations, type);
  }

  @Provide
  Arbitrary<TypeChange> appealType() {
    return typeChange(IntakeFuzzTest.APPEAL.keySet());
  }

  @Provide
  Arbitrary<List<Mutation>> appealMutations() {
    return Mutation.of(IntakeFuzzTest.APPEAL.keySet());
  }

  @Property(tries = START_TRIES)
  void shouldAnswerEveryAppealStartFormWith200Or400(@ForAll("appealMutations") List<Mutation> mutations,
      @ForAll("appealType") TypeChange type) {
    start("huawu", "hotline12345", "hotline12345/StartEvent_AppealReceived", IntakeFuzzTest.APPEAL, mutations, type);
  }

  static Map<String, String> processChange() {
    return IntakeFuzzTest.fields("targetProcessKey", "complaint", "targetProcessName", "投诉处理", "changeType", "change",
        "level", 2, "category", "business", "trigger", "improvement", "description", "调整核实时限",
        "effectiveDate", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30).toString(), "ownerGroup", "quality",
        "affectedGroups", "[\"customer-service\",\"quality\"]");
  }

  @Provide
  Arbitrary<TypeChange> processChangeType() {
    return typeChange(processChange().keySet());
  }

  @Provide
  Arbitrary<List<Mutation>> processChangeMutations() {
    return Mutation.of(processChange().keySet());
  }

  @Property(tries = START_TRIES)
  void shouldAnswerEveryProcessChangeStartFormWith200Or400(@ForAll("processChangeMutations") List<Mutation> mutations,
      @ForAll("processChangeType") TypeChange type) {
    start("liuchengjingli", "processChange", "processChange/StartEvent_ChangeRequested", processChange(), mutations,
        type);
  }

  // ---- task forms: the first task of a complaint and of an appeal ----

  static final Map<String, String> FIRST_RESPONSE = IntakeFuzzTest.fields(
      "firstResponseChannel", "phone", "firstResponseNote", "已致电客户。");

  @Provide
  Arbitrary<List<Mutation>> firstResponseMutations() {
    return Mutation.of(FIRST_RESPONSE.keySet());
  }

  @Provide
  Arbitrary<TypeChange> firstResponseType() {
    return typeChange(FIRST_RESPONSE.keySet());
  }

  @Property(tries = TASK_TRIES)
  void shouldAnswerEveryFirstResponseWith204Or400(@ForAll("firstResponseMutations") List<Mutation> mutations,
      @ForAll("firstResponseType") TypeChange type) {
    Task task = openTask("/api/complaints", IntakeFuzzTest.COMPLAINT, "Task_FirstResponse");
    complete(task, "complaint/Task_FirstResponse", FIRST_RESPONSE, mutations, type);
  }

  static final Map<String, String> TRIAGE = IntakeFuzzTest.fields("triageResult", "dispatch", "directAnswer", null);

  @Provide
  Arbitrary<List<Mutation>> triageMutations() {
    return Mutation.of(TRIAGE.keySet());
  }

  @Provide
  Arbitrary<TypeChange> triageType() {
    return typeChange(TRIAGE.keySet());
  }

  @Property(tries = TASK_TRIES)
  void shouldAnswerEveryTriageWith204Or400(@ForAll("triageMutations") List<Mutation> mutations,
      @ForAll("triageType") TypeChange type) {
    Task task = openTask("/api/hotline/appeals", IntakeFuzzTest.APPEAL, "Task_TriageAppeal");
    complete(task, "hotline12345/Task_TriageAppeal", TRIAGE, mutations, type);
  }

  // ---- shared ----

  private static void start(String user, String processKey, String form, Map<String, String> valid,
      List<Mutation> mutations, TypeChange type) {
    FuzzedApplication.Counts before = app.counts();
    HttpResponse<String> response = app.postJson(user,
        "/engine-rest/process-definition/key/" + processKey + "/submit-form", submission(valid, mutations, type));
    Verdict.check(response, 200, before, app.counts(), named(form, mutations, type), 1);
  }

  private static void complete(Task task, String form, Map<String, String> valid, List<Mutation> mutations,
      TypeChange type) {
    TaskService tasks = app.bean(TaskService.class);
    Map<String, Object> variablesBefore = comparable(tasks.getVariables(task.getId()));
    FuzzedApplication.Counts before = app.counts();
    HttpResponse<String> response = app.postJson(task.getAssignee(), "/engine-rest/task/" + task.getId()
        + "/submit-form", submission(valid, mutations, type));
    boolean completed = tasks.createTaskQuery().taskId(task.getId()).count() == 0;
    if (response.statusCode() == 204) {
      assertThat(completed).as("an accepted submission completes the task").isTrue();
      assertThat(app.counts()).isEqualTo(before);
      open.remove(task.getTaskDefinitionKey());
      net.jqwik.api.statistics.Statistics.label("outcome").collect("accepted");
      return;
    }
    assertThat(completed).as("a refused submission leaves the task open; answer %s", Verdict.shorten(response.body()))
        .isFalse();
    assertThat(comparable(tasks.getVariables(task.getId()))).as("and its variables unchanged")
        .isEqualTo(variablesBefore);
    Verdict.check(response, 204, before, app.counts(), named(form, mutations, type), 0);
  }

  /** The variables with Json values as their text: Spin's Json nodes are read anew each time and do not compare equal. */
  private static Map<String, Object> comparable(Map<String, Object> variables) {
    Map<String, Object> values = new LinkedHashMap<>();
    variables.forEach((name, value) -> values.put(name, value instanceof SpinJsonNode json ? json.toString() : value));
    return values;
  }

  /** The open task of each kind the task properties submit to; a new case is taken in once it is completed. */
  private static final Map<String, Task> open = new LinkedHashMap<>();

  private static Task openTask(String intakePath, Map<String, String> intake, String taskKey) {
    return open.computeIfAbsent(taskKey, key -> {
      HttpResponse<String> created = app.postJson(user(intakePath), intakePath, Mutation.apply(intake, List.of()));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      String caseNumber = read(created.body()).path("caseNumber").asText();
      Task task = app.bean(TaskService.class).createTaskQuery().processInstanceBusinessKey(caseNumber)
          .taskDefinitionKey(taskKey).singleResult();
      assertThat(task).as("task %s of %s", taskKey, caseNumber).isNotNull();
      assertThat(task.getAssignee()).as("its assignee submits").isNotNull();
      return task;
    });
  }

  private static String user(String intakePath) {
    return intakePath.startsWith("/api/hotline") ? "huawu" : "kefu1";
  }

  /** The submit-form body Tasklist sends: {"variables": {name: {"value": v}}}, a list as Json text; or another body. */
  static String submission(Map<String, String> valid, List<Mutation> mutations, TypeChange type) {
    Map<String, String> values = new LinkedHashMap<>(valid);
    values.values().removeIf("null"::equals);
    for (Mutation mutation : mutations) {
      if (mutation instanceof Mutation.WholeBody whole) {
        return whole.raw();
      } else if (mutation instanceof Mutation.SetField set) {
        values.put(set.field(), set.rawJson());
      } else if (mutation instanceof Mutation.RemoveField remove) {
        values.remove(remove.field());
      } else if (mutation instanceof Mutation.ExtraField extra) {
        values.put(extra.field(), extra.rawJson());
      }
    }
    StringBuilder body = new StringBuilder("{\"variables\":{");
    String separator = "";
    for (Map.Entry<String, String> entry : values.entrySet()) {
      String raw = entry.getValue();
      boolean list = raw.equals(valid.get(entry.getKey())) && raw.startsWith("[");
      body.append(separator).append(quote(entry.getKey())).append(":{\"value\":")
          .append(list ? quote(raw) : raw);
      if (list) {
        body.append(",\"type\":\"Json\"");
      } else if (type != null && type.field().equals(entry.getKey())) {
        body.append(",\"type\":").append(quote(type.type()));
      }
      body.append('}');
      separator = ",";
    }
    return body.append("}}").toString();
  }

  /**
   * The fields a refusal may name: those touched and those whose visibility depends on them (a condition of the
   * form that names them), the extra ones, and "variables" for a nameless one; null for another body.
   */
  static Set<String> named(String form, List<Mutation> mutations, TypeChange type) {
    Set<String> named = IntakeFuzzTest.named(mutations, Map.of());
    if (named == null) {
      return null;
    }
    if (type != null) {
      named.add(type.field());
    }
    JsonNode schema = form(form);
    for (String touched : new ArrayList<>(named)) {
      dependents(schema.path("components"), touched, named, false);
    }
    named.add("variables");
    named.add("body");
    // a name with a lone surrogate reaches the server as UTF-8 can carry it, with '?' in its place
    new ArrayList<>(named).forEach(name -> named.add(new String(name.getBytes(StandardCharsets.UTF_8),
        StandardCharsets.UTF_8)));
    return named;
  }

  private static void dependents(JsonNode components, String touched, Set<String> named, boolean outerDepends) {
    for (JsonNode component : components) {
      boolean depends = outerDepends || component.path("conditional").path("hide").asText("").contains(touched);
      if (component.has("components")) {
        dependents(component.path("components"), touched, named, depends);
      }
      if (depends && component.hasNonNull("key")) {
        named.add(component.path("key").asText());
      }
    }
  }

  private static final Map<String, JsonNode> forms = new LinkedHashMap<>();

  private static JsonNode form(String name) {
    return forms.computeIfAbsent(name, n -> {
      try {
        return JSON.readTree(Files.readString(Path.of("forms", n + ".form")));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static Arbitrary<TypeChange> typeChange(Set<String> fields) {
    Arbitrary<TypeChange> some = Combinators.combine(Arbitraries.of(fields), Arbitraries.of(TYPES)).as(TypeChange::new);
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, Arbitraries.just(null)), net.jqwik.api.Tuple.of(1, some));
  }

  private static String quote(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
