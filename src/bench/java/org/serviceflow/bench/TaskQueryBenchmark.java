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
import org.camunda.bpm.engine.authorization.Resources;
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
    System.out.printf("bench: task queries: %d open tasks (%d templates × %d copies), set up in %.0f s%n", open,
        templateTasks, copies, (System.nanoTime() - started) / 1e9);

    // PLAN_CACHE_MODE=force_custom_plan: compare with PostgreSQL planning each prepared statement for its values
    String planCacheMode = System.getenv("PLAN_CACHE_MODE");
    if (planCacheMode != null && planCacheMode.matches("[a-z_]+")) {
      jdbc.execute("alter system set plan_cache_mode = " + planCacheMode);
      jdbc.queryForObject("select pg_reload_conf()", Boolean.class);
      sleep(500);
      result.put("planCacheMode", planCacheMode);
    }
    // TRY_SQL: statements run once before measuring (an experiment with statistics or indexes), ';'-separated
    String trySql = System.getenv("TRY_SQL");
    if (trySql != null && !trySql.isBlank()) {
      for (String statement : trySql.split(";")) {
        jdbc.execute(statement);
      }
      jdbc.execute("analyze");
      result.put("trySql", trySql);
    }
    List<Probe> probes = probes(templates.get(0));
    result.put("calls", calls);
    result.put("measured", measure(probes, calls));
    return result;
  }

  /** One query as a user waits for it: who, what, and the call (returning the rows or bytes it got). */
  private record Probe(String user, String what, Supplier<Integer> call) {
  }

  /** Every Tasklist filter each user may read (first page of 15, and the count), the case page, the dashboard. */
  private List<Probe> probes(String caseNumber) {
    List<Probe> probes = new ArrayList<>();
    for (String user : USERS) {
      for (Filter filter : filtersOf(user)) {
        probes.add(new Probe(user, filter.getName() + " · 第一页",
            () -> as(user, () -> filterService().listPage(filter.getId(), 0, 15).size())));
        probes.add(new Probe(user, filter.getName() + " · 计数",
            () -> as(user, () -> (int) filterService().count(filter.getId()).longValue())));
      }
    }
    probes.add(new Probe("kefuzhuguan", "案件页 /api/cases/{n} + timeline + pauses", () -> {
      int bytes = 0;
      for (String path : List.of("", "/timeline", "/pauses")) {
        bytes += get("kefuzhuguan", "/api/cases/" + caseNumber + path).length();
      }
      return bytes;
    }));
    get("zongjingli", "/api/reports/dashboard"); // the month's figures are then kept; the open deadlines are live
    probes.add(new Probe("zongjingli", "管理看板 /api/reports/dashboard",
        () -> get("zongjingli", "/api/reports/dashboard").length()));
    return probes;
  }

  /** p50 / p95 of each probe, then one more call of each with auto_explain on: the plans of its statements. */
  private List<Map<String, Object>> measure(List<Probe> probes, int calls) {
    List<Map<String, Object>> timings = new ArrayList<>();
    for (Probe probe : probes) {
      timings.add(time(probe.user(), probe.what(), calls, probe.call()));
    }
    List<List<Map<String, Object>>> plans = plans(probes);
    for (int i = 0; i < timings.size(); i++) {
      timings.get(i).put("plans", plans.get(i));
    }
    return timings;
  }

  // ------------------------------------------------------------------------------------------ plans

  /** The server's JSON log (Benchmarks starts PostgreSQL with logging_collector and jsonlog). */
  private static final String LOG = "log/postgresql.json";
  private static final String MARK = "select 'bench-probe-' || ";
  private static final Pattern DURATION = Pattern.compile("^duration: ([0-9.]+) ms\\s+plan:\\n", Pattern.DOTALL);

  /**
   * Calls each probe once with {@code auto_explain.log_min_duration = 0} (log_analyze and log_buffers are on from
   * the start, idle while the duration is -1): the executed statements' EXPLAIN (ANALYZE, BUFFERS), with the values
   * the engine bound. A marker statement before each probe splits the log. Per probe: the statements on
   * act_ru_task, or for the HTTP probes the three slowest; background work (job acquisition, outbox) left out.
   */
  private List<List<Map<String, Object>>> plans(List<Probe> probes) {
    long from = logSize();
    setAutoExplain("0");
    try {
      for (int i = 0; i < probes.size(); i++) {
        jdbc.queryForObject(MARK + i, String.class);
        probes.get(i).call().get();
      }
      jdbc.queryForObject(MARK + probes.size(), String.class);
    } finally {
      setAutoExplain("-1");
    }
    List<List<Map<String, Object>>> plans = new ArrayList<>();
    for (int i = 0; i < probes.size(); i++) {
      plans.add(new ArrayList<>());
    }
    int probe = -1;
    for (String line : readLog(from, probes.size())) {
      Map<String, Object> entry;
      try {
        entry = JSON.readValue(line, Map.class);
      } catch (java.io.IOException e) {
        continue;
      }
      String message = String.valueOf(entry.get("message"));
      Matcher duration = DURATION.matcher(message);
      if (!duration.find()) {
        continue;
      }
      String text = message.substring(duration.end());
      Matcher mark = Pattern.compile("'bench-probe-' \\|\\| (\\d+)").matcher(text);
      if (mark.find() && text.indexOf("(cost=") > mark.start()) {
        probe = Integer.parseInt(mark.group(1));
        continue;
      }
      if (probe < 0 || probe >= probes.size()) {
        continue;
      }
      String lower = text.toLowerCase();
      if (lower.contains("act_ru_job") || lower.contains("notification_outbox") || lower.contains("pg_reload_conf")
          || lower.contains("pg_stat_file")) {
        continue;
      }
      int planStart = text.lastIndexOf('\n', text.indexOf("(cost="));
      Map<String, Object> plan = new LinkedHashMap<>();
      plan.put("ms", Double.parseDouble(duration.group(1)));
      plan.put("query", text.substring(0, Math.max(0, planStart)).replaceAll("\\s+", " ").replace("Query Text: ", "")
          .trim());
      plan.put("plan", text.substring(planStart + 1));
      plans.get(probe).add(plan);
    }
    for (int i = 0; i < probes.size(); i++) {
      List<Map<String, Object>> statements = plans.get(i);
      boolean http = probes.get(i).what().contains("/api/");
      List<Map<String, Object>> kept = statements.stream()
          .filter(plan -> http || ((String) plan.get("query")).toLowerCase().contains("act_ru_task"))
          .sorted((a, b) -> Double.compare((double) b.get("ms"), (double) a.get("ms")))
          .limit(3).collect(Collectors.toCollection(ArrayList::new));
      plans.set(i, kept);
    }
    return plans;
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  private void setAutoExplain(String minDuration) {
    jdbc.execute("alter system set auto_explain.log_min_duration = " + minDuration);
    jdbc.queryForObject("select pg_reload_conf()", Boolean.class);
    sleep(500); // every backend reads the configuration again before its next statement
  }

  private long logSize() {
    Long size = jdbc.queryForObject("select (pg_stat_file('" + LOG + "', true)).size", Long.class);
    return size == null ? 0 : size;
  }

  /** The log's lines from {@code from} on, once the last marker has been written. */
  private List<String> readLog(long from, int lastMark) {
    String last = "'bench-probe-' || " + lastMark;
    for (int attempt = 0; attempt < 100; attempt++) {
      byte[] bytes = jdbc.queryForObject("select pg_read_binary_file('" + LOG + "', ?, ?)", byte[].class, from,
          logSize() - from);
      String text = new String(bytes, StandardCharsets.UTF_8);
      if (text.contains(last)) {
        return List.of(text.split("\n"));
      }
      sleep(100);
    }
    throw new IllegalStateException("auto_explain wrote no plans to " + LOG);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
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
    // the task's own grants (resource type 7 = TASK; the candidate groups', the assignee's and the leads' READ):
    // without them the engine's authorization check hides the copies from everyone but the admins
    insert("act_ru_authorization", Map.of("id_", suffix, "resource_id_", suffix, "root_proc_inst_id_", suffix),
        "where t.resource_type_ = " + Resources.TASK.resourceType()
            + " and t.resource_id_ in (select id_ from act_ru_task where id_ not like '%~%')");
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
