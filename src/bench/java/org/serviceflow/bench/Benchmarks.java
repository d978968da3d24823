package org.serviceflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.serviceflow.ServiceFlowApplication;
import org.serviceflow.calendar.WorkingDayCalendarBenchmark;
import org.serviceflow.complaint.BenchComplaints;
import org.serviceflow.reporting.ReportBenchmark;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 13, items 1, 2 and 4 (docs/benchmarks.md): (a) the complaint lifecycle through ServiceFlow against
 * (b) the same shape on a bare Camunda engine, alternating, at 2, 4 and 8 threads, with SQL statements and
 * transactions per lifecycle from pg_stat_statements; due deadline timers fired by the job executor, ServiceFlow
 * against bare ({@link TimerBenchmark}); and the JMH benchmark of the working-day calendar.
 * Writes {@code <outDir>/results.json}. {@code QUICK=true} (or -Dquick=true) is the CI smoke setting.
 */
public final class Benchmarks {

  static final boolean QUICK = "true".equalsIgnoreCase(System.getenv("QUICK")) || Boolean.getBoolean("quick");
  static final int[] THREADS = {2, 4, 8};
  static final int WARM_UP = QUICK ? 20 : 100;
  static final int PER_ROUND = QUICK ? 24 : 120;
  static final int ROUNDS = QUICK ? 1 : 2;
  static final int COUNTED = QUICK ? 5 : 30;
  /** BENCH_ONLY=reports runs the reports benchmark alone (after the calendar's). */
  static final boolean REPORTS_ONLY = "reports".equals(System.getenv("BENCH_ONLY"));
  /**
   * BENCH_ONLY=lifecycle: the lifecycles alone (no calendar, no reports), throughput at 2 threads only, and every
   * statement of the SQL count with its calls per lifecycle (issue 13 item 5: where the statements come from).
   */
  static final boolean LIFECYCLE_ONLY = "lifecycle".equals(System.getenv("BENCH_ONLY"));
  /** BENCH_ONLY=tasks runs the task-query benchmark alone (after the calendar's). */
  static final boolean TASKS_ONLY = "tasks".equals(System.getenv("BENCH_ONLY"));
  /**
   * Open tasks seeded for the task queries: 5,000 unless OPEN_TASKS=n is given. The 100,000 would run for hours
   * with the engine's authorization join as it is (docs/benchmarks.md, task queries).
   */
  static final int OPEN_TASKS = System.getenv("OPEN_TASKS") != null ? Integer.parseInt(System.getenv("OPEN_TASKS"))
      : 5_000;
  static final int QUERY_CALLS = QUICK ? 10 : 40;
  static final int REPORT_CASES = QUICK ? 2_000 : 100_000;
  static final int DASHBOARD_CALLS = QUICK ? 5 : 40;
  /**
   * BENCH_ONLY=timers runs the timers benchmark alone (TimerBenchmark, issue 13 item 2); not yet part of the combined
   * run, whose other parts it has not been run with.
   */
  static final boolean TIMERS_ONLY = "timers".equals(System.getenv("BENCH_ONLY"));
  static final int TIMERS = QUICK ? 500 : 5_000;
  /** The bare engine's connection pool, as large as the application's. */
  static final HikariDataSource BARE_POOL = new HikariDataSource();
  /** Times a ServiceFlow lifecycle looked again whether its asynchronous close had run. */
  static final AtomicLong WAITS = new AtomicLong();

  /** One lifecycle, start to end; {@code serial} makes each intake distinct. */
  interface Lifecycle {
    void run(int serial) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "target/benchmarks");
    Files.createDirectories(out);
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("quick", QUICK);
    results.put("started", Instant.now().toString());
    results.put("machine", Map.of("cpus", Runtime.getRuntime().availableProcessors(),
        "java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version")));
    Path file = out.resolve("results.json");
    Files.deleteIfExists(file);

    if (!LIFECYCLE_ONLY && !TIMERS_ONLY) {
      results.put("calendar", calendar(out));
    }

    EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setServerConfig("listen_addresses", "127.0.0.1")
        .setServerConfig("max_connections", "200")
        .setServerConfig("shared_preload_libraries", "pg_stat_statements,auto_explain")
        .setServerConfig("pg_stat_statements.track", "top")
        .setServerConfig("pg_stat_statements.max", "10000")
        // the server log as JSON lines in <data>/log, readable over SQL: the task-query benchmark switches
        // auto_explain on (log_min_duration 0) for one call of each query and reads the plans from it
        .setServerConfig("logging_collector", "on")
        .setServerConfig("log_destination", "stderr,jsonlog")
        .setServerConfig("log_directory", "log")
        .setServerConfig("log_filename", "postgresql.log")
        .setServerConfig("auto_explain.log_analyze", "on")
        .setServerConfig("auto_explain.log_buffers", "on")
        .start();
    GreenMail mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    ConfigurableApplicationContext app = null;
    ProcessEngine bare = null;
    try {
      DataSource admin = postgres.getPostgresDatabase();
      sql(admin, "create extension if not exists pg_stat_statements");
      sql(admin, "create database sf_bench");
      sql(admin, "create database bare_bench");

      app = serviceFlow(postgres, mail.getSmtp().getPort());
      if (REPORTS_ONLY) {
        results.put("reports", ReportBenchmark.run(app, REPORT_CASES, DASHBOARD_CALLS));
      } else if (TASKS_ONLY) {
        results.put("taskQueries", TaskQueryBenchmark.run(app, OPEN_TASKS, QUERY_CALLS));
      } else if (TIMERS_ONLY) {
        results.put("timers", TimerBenchmark.run(postgres, app, TIMERS));
      } else {
        bare = bareEngine(postgres);
        ProcessEngine sfEngine = app.getBean(ProcessEngine.class);
        ConfigurableApplicationContext context = app;
        ProcessEngine bareEngine = bare;
        Lifecycle a = serial -> serviceFlowLifecycle(context, sfEngine, serial);
        Lifecycle b = serial -> bareLifecycle(bareEngine);

        AtomicInteger serial = new AtomicInteger();
        run(a, 2, WARM_UP, serial);
        run(b, 2, WARM_UP, serial);

        List<Map<String, Object>> throughput = new ArrayList<>();
        for (int threads : LIFECYCLE_ONLY ? new int[] {2} : THREADS) {
          double aSum = 0;
          double bSum = 0;
          for (int round = 0; round < ROUNDS; round++) {
            aSum += run(a, threads, PER_ROUND, serial);
            bSum += run(b, threads, PER_ROUND, serial);
          }
          double aRate = aSum / ROUNDS;
          double bRate = bSum / ROUNDS;
          System.out.printf("bench: %d threads: ServiceFlow %.1f/s, bare %.1f/s, ratio %.2f%n", threads, aRate, bRate,
              aRate / bRate);
          throughput.add(Map.of("threads", threads, "serviceFlowPerSecond", round(aRate), "barePerSecond", round(bRate),
              "ratio", round(aRate / bRate)));
        }
        results.put("lifecycle", Map.of("warmUp", WARM_UP, "perRound", PER_ROUND, "rounds", ROUNDS,
            "throughput", throughput));

        Map<String, Object> sa = count(admin, "sf_bench", a, serial);
        Map<String, Object> sb = count(admin, "bare_bench", b, serial);
        results.put("sql", Map.of("lifecycles", COUNTED, "serviceFlow", sa, "bare", sb,
            "statementRatio", round((double) sa.get("statements") / (double) sb.get("statements")),
            "transactionRatio", round((double) sa.get("transactions") / (double) sb.get("transactions"))));
        System.out.println("bench: SQL per lifecycle: ServiceFlow " + sa + ", bare " + sb);
        if (!LIFECYCLE_ONLY) {
          results.put("reports", ReportBenchmark.run(app, REPORT_CASES, DASHBOARD_CALLS));
          results.put("taskQueries", TaskQueryBenchmark.run(app, OPEN_TASKS, QUERY_CALLS));
        }
      }
    } finally {
      if (app != null) {
        app.close();
      }
      if (bare != null) {
        bare.close();
        BARE_POOL.close();
      }
      mail.stop();
      postgres.close();
    }
    results.put("finished", Instant.now().toString());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), results);
    if (!Files.isRegularFile(file) || Files.size(file) == 0) {
      throw new IllegalStateException("no result file " + file);
    }
    System.out.println("bench: wrote " + file.toAbsolutePath());
    System.exit(0);
  }

  // ------------------------------------------------------------------------------------------ (a) and (b)

  /**
   * The application as shipped with the postgres profile, configured as an operator would (environment
   * variables, given here as system properties); demo users so that routing finds group members.
   */
  static ConfigurableApplicationContext serviceFlow(EmbeddedPostgres postgres, int smtpPort) {
    System.setProperty("SERVICEFLOW_DB_URL", postgres.getJdbcUrl("postgres", "sf_bench"));
    System.setProperty("SERVICEFLOW_DB_USER", "postgres");
    System.setProperty("SERVICEFLOW_DB_PASSWORD", "postgres");
    System.setProperty("SERVICEFLOW_ADMIN_PASSWORD", "bench");
    System.setProperty("PORT", "0");
    System.setProperty("SMTP_HOST", "127.0.0.1");
    System.setProperty("SMTP_PORT", String.valueOf(smtpPort));
    System.setProperty("serviceflow.identity.demo-users", "true");
    return new SpringApplicationBuilder(ServiceFlowApplication.class).profiles("postgres").run();
  }

  static void serviceFlowLifecycle(ConfigurableApplicationContext context, ProcessEngine engine, int serial)
      throws InterruptedException {
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication("kefu1", List.of("customer-service"));
    String id;
    try {
      id = BenchComplaints.receive(context, serial);
    } finally {
      identity.clearAuthentication();
    }
    while (true) {
      Task task = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult();
      if (task != null) {
        Map<String, Object> variables = BenchComplaints.formVariables(task.getTaskDefinitionKey());
        if (variables == null) {
          throw new IllegalStateException("complaint " + id + " left the happy path at " + task.getTaskDefinitionKey());
        }
        engine.getTaskService().complete(task.getId(), variables);
        continue;
      }
      if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count() == 0) {
        return;
      }
      // the asynchronous close (Task_CloseCase): the application's job executor runs it, as in production;
      // each further look (one statement, one transaction) is the benchmark's, not ServiceFlow's
      WAITS.incrementAndGet();
      Thread.sleep(10);
    }
  }

  /** A standalone engine with the same history level, pool size and job executor as the application. */
  static ProcessEngine bareEngine(EmbeddedPostgres postgres) {
    HikariDataSource dataSource = BARE_POOL;
    dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "bare_bench"));
    dataSource.setUsername("postgres");
    dataSource.setPassword("postgres");
    dataSource.setMaximumPoolSize(20);
    dataSource.setAutoCommit(false);
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("bare");
    configuration.setDataSource(dataSource);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setJobExecutorActivate(true);
    ProcessEngine engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment().addClasspathResource("bench/bare-lifecycle.bpmn20.xml").deploy();
    return engine;
  }

  static void bareLifecycle(ProcessEngine engine) {
    String id = engine.getRuntimeService().startProcessInstanceByKey("bareLifecycle").getId();
    for (int i = 1; i <= 5; i++) {
      Task task = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult();
      engine.getTaskService().complete(task.getId(), Map.of("result" + i, "done", "note" + i, "已处理"));
    }
    if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count() != 0) {
      throw new IllegalStateException("bare lifecycle " + id + " did not end");
    }
  }

  // ------------------------------------------------------------------------------------------ measuring

  /** Runs {@code count} lifecycles on {@code threads} threads; returns lifecycles per second. */
  static double run(Lifecycle lifecycle, int threads, int count, AtomicInteger serial) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long start = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int s = serial.incrementAndGet();
        done.add(pool.submit(() -> {
          lifecycle.run(s);
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      return count / ((System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Statements and transactions per lifecycle on one thread, for that database: statements from
   * pg_stat_statements (all but BEGIN / COMMIT / ROLLBACK), transactions from pg_stat_database
   * (xact_commit + xact_rollback, read after the backends flushed their counters). Background work on the
   * same database in that window is included (job acquisition, outbox dispatch); the benchmark's own looks
   * while waiting for the asynchronous close ({@link #WAITS}, one statement and one transaction each) are not.
   */
  static Map<String, Object> count(DataSource admin, String database, Lifecycle lifecycle, AtomicInteger serial)
      throws Exception {
    Thread.sleep(2_000);
    long transactionsBefore = transactions(admin, database);
    sql(admin, "select pg_stat_statements_reset()");
    long waitsBefore = WAITS.get();
    run(lifecycle, 1, COUNTED, serial);
    long waits = WAITS.get() - waitsBefore;
    double statements = 0;
    List<Map<String, Object>> top = new ArrayList<>();
    try (Connection c = admin.getConnection(); Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("select trim(query) as q, calls from pg_stat_statements p "
            + "join pg_database d on d.oid = p.dbid where d.datname = '" + database + "' order by calls desc")) {
      while (rows.next()) {
        String query = rows.getString("q");
        long calls = rows.getLong("calls");
        String verb = query.toUpperCase();
        if (!verb.startsWith("BEGIN") && !verb.startsWith("COMMIT") && !verb.startsWith("ROLLBACK")) {
          statements += calls;
          if (top.size() < 8 || LIFECYCLE_ONLY) {
            top.add(Map.of("perLifecycle", round((double) calls / COUNTED),
                "query", query.length() > 90 && !LIFECYCLE_ONLY ? query.substring(0, 90) + "…" : query));
          }
        }
      }
    }
    Thread.sleep(2_000);
    long transactions = transactions(admin, database) - transactionsBefore;
    Map<String, Object> perLifecycle = new LinkedHashMap<>();
    perLifecycle.put("statements", round((statements - waits) / COUNTED));
    perLifecycle.put("transactions", round((double) (transactions - waits) / COUNTED));
    perLifecycle.put("benchmarkWaitLooksSubtracted", round((double) waits / COUNTED));
    perLifecycle.put("mostCalled", top);
    return perLifecycle;
  }

  static long transactions(DataSource admin, String database) throws Exception {
    try (Connection c = admin.getConnection(); Statement s = c.createStatement();
        ResultSet row = s.executeQuery("select xact_commit + xact_rollback from pg_stat_database where datname = '"
            + database + "'")) {
      row.next();
      return row.getLong(1);
    }
  }

  static List<Map<String, Object>> calendar(Path out) throws Exception {
    OptionsBuilder options = new OptionsBuilder();
    options.include(WorkingDayCalendarBenchmark.class.getName())
        .forks(1)
        .warmupIterations(QUICK ? 1 : 3).warmupTime(TimeValue.seconds(1))
        .measurementIterations(QUICK ? 2 : 5).measurementTime(TimeValue.seconds(1))
        .jvmArgsAppend("-Duser.timezone=Asia/Shanghai", "-Xmx512m");
    if (QUICK) {
      options.param("n", "30");
    }
    List<Map<String, Object>> figures = new ArrayList<>();
    for (RunResult result : new Runner(options.build()).run()) {
      var primary = result.getPrimaryResult();
      figures.add(Map.of("benchmark", result.getParams().getBenchmark().replaceAll(".*\\.", ""),
          "n", result.getParams().getParam("n"), "microsecondsPerCall", round(primary.getScore()),
          "error", round(primary.getScoreError())));
    }
    return figures;
  }

  static void sql(DataSource dataSource, String sql) throws Exception {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
