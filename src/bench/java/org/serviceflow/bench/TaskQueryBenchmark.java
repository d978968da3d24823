package org.serviceflow.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13 item 3: the task queries staff and managers wait for, at 100,000 open tasks across the four processes
 * (QUICK: 5,000). Real cases are taken in over the REST API (complaints, service requests, 12345 appeals, some
 * moved on to the handling unit, process changes); their runtime rows (executions, tasks, identity links, task
 * authorizations, variables) and case files (service_case, case_deadline) are then copied in SQL until the open
 * tasks reach the target, each copy with its own ids, case number, due date (spread over ±10 days) and now and then
 * a raised priority. Then, as each user: every Tasklist filter the user may read, first page (15) and count, as
 * Tasklist calls them (FilterService under the user's authentication, so the engine's authorization checks run);
 * the case page's three calls and the dashboard over HTTP. p50 / p95 of {@code calls} calls each, and the plan of
 * the slowest statements ({@code EXPLAIN (GENERIC_PLAN)} of pg_stat_statements' text, PostgreSQL 16).
 */
final class TaskQueryBenchmark {

  static final String PASSWORD = "demo";
  /** Whom the queries run as: a clerk, a handling unit, a dispatcher, a lead and the general manager. */
  static final List<String> USERS = List.of("kefu1", "zhujian", "paidan", "kefuzhuguan", "zongjingli");

  private final ConfigurableApplicationContext app;
  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;

  private TaskQueryBenchmark(ConfigurableApplicationContext app) {
    this.app = app;
    this.engine = app.getBean(ProcessEngine.class);
    this.jdbc = app.getBean(JdbcTemplate.class);
    this.base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
  }

  static Map<String, Object> run(ConfigurableApplicationContext app, int openTasks, int calls) throws Exception {
    return new TaskQueryBenchmark(app).run(openTasks, calls);
  }

  private Map<String, Object> run(int openTasks, int calls) throws Exception {
    Map<String, Object> result = new LinkedHashMap<>();
    long started = System.nanoTime();
    List<String> templates = takeInTemplates();
    long templateTasks = engine.getTaskService().createTaskQuery().count();
    int copies = (int) Math.max(0, Math.ceil((openTasks - templateTasks) / (double) templateTasks));
    copy(copies);
    jdbc.execute("analyze");
    long open = engine.getTaskService().createTaskQuery().count();
    result.put("openTasks", open);
    result.put("templateCases", templates.size());
    result.put("templateTasks", templateTasks);
    result.put("copies", copies);
    result.put("openTasksByProcess", jdbc.queryForList(
        "select d.key_ as process, count(*) as tasks from act_ru_task t join act_re_procdef d on d.id_ = t.proc_def_id_"
            + " group by d.key_ order by d.key_"));
    result.put("setUpSeconds", Benchmarks.round((System.nanoTime() - started) / 1e9));
    System.out.printf("bench: task queries: %d open tasks (%d templates × %d copies)%n", open, templateTasks, copies);

    jdbc.execute("create extension if not exists pg_stat_statements");
    jdbc.queryForList("select pg_stat_statements_reset()");
    List<Map<String, Object>> timings = new ArrayList<>();
    for (String user : USERS) {
      for (Filter filter : filtersOf(user)) {
        timings.add(time(user, filter.getName() + " · 第一页", calls,
            () -> as(user, () -> filterService().listPage(filter.getId(), 0, 15).size())));
        timings.add(time(user, filter.getName() + " · 计数", calls,
            () -> as(user, () -> (int) filterService().count(filter.getId()).longValue())));
      }
    }
    String caseNumber = templates.get(0);
    timings.add(time("kefuzhuguan", "案件页 /api/cases/{n} + timeline + pauses", calls, () -> {
      int bytes = 0;
      for (String path : List.of("", "/timeline", "/pauses")) {
        bytes += get("kefuzhuguan", "/api/cases/" + caseNumber + path).length();
      }
      return bytes;
    }));
    get("zongjingli", "/api/reports/dashboard"); // the month's figures are then kept; the open deadlines are live
    timings.add(time("zongjingli", "管理看板 /api/reports/dashboard", calls,
        () -> get("zongjingli", "/api/reports/dashboard").length()));
    result.put("calls", calls);
    result.put("timings", timings);
    result.put("slowestStatements", slowestStatements(6));
    return result;
  }

  // ------------------------------------------------------------------------------------------ data

  /** Real cases of the four processes, taken in over the REST API; some 12345 appeals dispatched to a unit. */
  private List<String> takeInTemplates() throws Exception {
    List<String> cases = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      cases.add(post("kefu1", "/api/complaints", """
          {"customerName":"李四%d","customerPhone":"13812345678","customerTier":"%s","productOrOrderNo":"SO-2026-%04d",
           "content":"新买的净水器漏水","occurredOn":"2026-11-20","channel":"phone","category":"product-quality",
           "severity":"%s","againstStaff":false}""".formatted(i, i % 4 == 0 ? "A" : "B", i,
          i % 5 == 0 ? "major" : "general")));
      cases.add(post("kefu1", "/api/service-requests", """
          {"customerName":"王芳%d","customerPhone":"13912345678","customerEmail":"wang@example.com",
           "address":"杭州市西湖区文三路 1 号","productLine":"appliance","productModel":"KX-200","serialNumber":"SN-%04d",
           "purchaseDate":"2026-01-02","proofOfPurchase":"发票 123","serviceType":"repair","faultDescription":"不制冷",
           "urgency":"%s","region":"district-a"}""".formatted(i, i, i % 4 == 0 ? "urgent" : "normal")));
      cases.add(post("huawu", "/api/hotline/appeals", """
          {"citizenName":"张三%d","citizenPhone":"13712345678","confidential":false,"appealType":"complaint",
           "urgency":"%s","area":"district-a","category":"%s","content":"小区电梯长期故障无人维修",
           "eventDate":"2026-11-05","eventLocation":"幸福小区 3 栋","peopleInvolved":"物业公司","target":"某物业公司",
           "reason":"电梯故障两周未修","evidence":"照片 3 张"}""".formatted(i, i % 4 == 0 ? "urgent" : "normal",
          i % 2 == 0 ? "housing" : "market")));
    }
    for (int i = 0; i < 4; i++) {
      cases.add(postMultipart("liuchengjingli", "/api/process-changes", """
          {"targetProcessKey":"complaint","targetProcessName":"投诉处理","changeType":"change","level":2,
           "category":"business","trigger":"improvement","description":"调整核实时限 %d","effectiveDate":"2027-03-01",
           "ownerGroup":"quality","affectedGroups":["customer-service","quality"]}""".formatted(i)));
    }
    // half of the appeals dispatched: the unit's 签收 is then open (the triage form as ProcessTest submits it)
    List<Task> triage = engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_TriageAppeal").list();
    for (int i = 0; i < triage.size(); i += 2) {
      engine.getTaskService().complete(triage.get(i).getId(), Map.of("triageResult", "dispatch"));
    }
    return cases;
  }

  /** Each template's runtime rows and case file, {@code copies} times, with new ids. */
  private void copy(int copies) {
    if (copies == 0) {
      return;
    }
    jdbc.execute("drop table if exists copy_no");
    jdbc.execute("create table copy_no as select k from generate_series(1, " + copies + ") k");
    String suffix = "'~' || k";
    insert("act_ru_execution", Map.of("id_", suffix, "root_proc_inst_id_", suffix, "proc_inst_id_", suffix,
        "parent_id_", suffix, "act_inst_id_", suffix,
        "business_key_", "'-' || k"), "");
    insert("act_ru_task", Map.of("id_", suffix, "execution_id_", suffix, "proc_inst_id_", suffix,
        "due_date_", "+ ((k % 21) - 10) * interval '1 day'",
        "follow_up_date_", "+ ((k % 21) - 10) * interval '1 day'",
        "create_time_", "- (k % 30) * interval '1 hour'",
        "priority_", "+ case when k % 10 = 0 then 30 else 0 end"), "");
    insert("act_ru_identitylink", Map.of("id_", suffix, "task_id_", suffix), "where t.task_id_ is not null");
    insert("act_ru_authorization", Map.of("id_", suffix, "resource_id_", suffix),
        "where t.resource_type_ = 4 and t.resource_id_ in (select id_ from act_ru_task where id_ not like '%~%')");
    insert("act_ru_variable", Map.of("id_", suffix, "execution_id_", suffix, "proc_inst_id_", suffix,
        "task_id_", suffix, "var_scope_", suffix), "where t.proc_inst_id_ is not null");
    jdbc.update("""
        insert into service_case (case_number, process_type, process_instance_id, customer_name, customer_phone,
                                  customer_email, channel, category, severity, status, owner_group, owner_user,
                                  flagged_for_review, review_reason, opened_at, closed_at, outcome)
        select c.case_number || '-' || k, c.process_type, c.process_instance_id || '~' || k, c.customer_name,
               c.customer_phone, c.customer_email, c.channel, c.category, c.severity, c.status, c.owner_group,
               c.owner_user, c.flagged_for_review, c.review_reason, c.opened_at - (k % 30) * interval '1 hour',
               c.closed_at, c.outcome
          from service_case c cross join copy_no where c.closed_at is null and c.case_number not like '%-%'""");
    jdbc.update("""
        insert into case_deadline (case_id, kind, due_at, warning_at, met_at)
        select n.id, d.kind, d.due_at + ((k % 21) - 10) * interval '1 day',
               d.warning_at + ((k % 21) - 10) * interval '1 day', d.met_at
          from case_deadline d
          join service_case c on c.id = d.case_id and c.case_number not like '%-%'
          cross join copy_no
          join service_case n on n.case_number = c.case_number || '-' || k""");
    jdbc.execute("drop table copy_no");
  }

  /**
   * Copies a table's template rows (ids without '~') once per copy number k. {@code change} gives, per column, what
   * to append to the template's value: a text suffix ({@code '~' || k}) or an arithmetic tail ({@code + …}).
   */
  private void insert(String table, Map<String, String> change, String where) {
    List<String> columns = jdbc.queryForList("select column_name from information_schema.columns where table_name = ?"
        + " and table_schema = current_schema() order by ordinal_position", String.class, table);
    String select = columns.stream().map(column -> {
      String tail = change.get(column);
      if (tail == null) {
        return "t." + column;
      }
      return tail.startsWith("'") ? "t." + column + " || " + tail : "t." + column + " " + tail;
    }).collect(Collectors.joining(", "));
    String templates = where.isEmpty() ? "where t.id_ not like '%~%'" : where + " and t.id_ not like '%~%'";
    jdbc.update("insert into " + table + " (" + String.join(", ", columns) + ") select " + select + " from " + table
        + " t cross join copy_no " + templates);
  }

  // ------------------------------------------------------------------------------------------ measuring

  private FilterService filterService() {
    return engine.getFilterService();
  }

  /** The filters the user may read, as Tasklist lists them. */
  private List<Filter> filtersOf(String user) {
    return as(user, () -> filterService().createTaskFilterQuery().orderByFilterName().asc().list());
  }

  private <T> T as(String user, Supplier<T> work) {
    IdentityService identity = engine.getIdentityService();
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    identity.setAuthentication(user, groups);
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  private static Map<String, Object> time(String user, String what, int calls, Supplier<Integer> call) {
    int rows = 0;
    for (int i = 0; i < 3; i++) {
      rows = call.get();
    }
    double[] millis = new double[calls];
    for (int i = 0; i < calls; i++) {
      long start = System.nanoTime();
      call.get();
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    java.util.Arrays.sort(millis);
    Map<String, Object> timing = new LinkedHashMap<>();
    timing.put("user", user);
    timing.put("query", what);
    timing.put("result", rows);
    timing.put("p50Ms", Benchmarks.round(millis[(int) Math.floor(0.5 * (calls - 1))]));
    timing.put("p95Ms", Benchmarks.round(millis[(int) Math.ceil(0.95 * (calls - 1))]));
    timing.put("maxMs", Benchmarks.round(millis[calls - 1]));
    System.out.printf("bench: %-12s %-40s p50 %7.1f ms  p95 %7.1f ms  (%d)%n", user, what, timing.get("p50Ms"),
        timing.get("p95Ms"), rows);
    return timing;
  }

  /** The statements on act_ru_task that took longest in all, with their generic plan. */
  private List<Map<String, Object>> slowestStatements(int limit) {
    List<Map<String, Object>> slowest = new ArrayList<>();
    for (Map<String, Object> row : jdbc.queryForList("""
        select query, calls, round(mean_exec_time::numeric, 2) as mean_ms, round(total_exec_time::numeric, 1) as total_ms
          from pg_stat_statements
         where dbid = (select oid from pg_database where datname = current_database())
           and query ilike '%act_ru_task%' and query ilike 'select%'
         order by total_exec_time desc limit ?""", limit)) {
      Map<String, Object> statement = new LinkedHashMap<>(row);
      statement.put("plan", plan((String) row.get("query")));
      slowest.add(statement);
    }
    return slowest;
  }

  private String plan(String query) {
    try {
      return String.join("\n", jdbc.queryForList("explain (generic_plan) " + query, String.class));
    } catch (RuntimeException e) {
      return "(no plan: " + e.getMessage() + ")";
    }
  }

  // ------------------------------------------------------------------------------------------ HTTP

  private static final Pattern CASE_NUMBER = Pattern.compile("\"caseNumber\"\\s*:\\s*\"([^\"]+)\"");

  private String post(String user, String path, String json) throws Exception {
    HttpResponse<String> response = http.send(request(user, path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    Matcher number = CASE_NUMBER.matcher(response.body());
    if (response.statusCode() != 201 || !number.find()) {
      throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
    }
    return number.group(1);
  }

  private String postMultipart(String user, String path, String json) throws Exception {
    String boundary = "----bench" + System.nanoTime();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"request\"\r\n"
        + "Content-Type: application/json\r\n\r\n" + json + "\r\n--" + boundary + "--\r\n";
    HttpResponse<String> response = http.send(request(user, path)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    Matcher number = CASE_NUMBER.matcher(response.body());
    if (response.statusCode() != 201 || !number.find()) {
      throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
    }
    return number.group(1);
  }

  private String get(String user, String path) {
    try {
      HttpResponse<String> response = http.send(request(user, path).GET().build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() != 200) {
        throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
      }
      return response.body();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest.Builder request(String user, String path) {
    String credentials = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Basic " + credentials);
  }
}
