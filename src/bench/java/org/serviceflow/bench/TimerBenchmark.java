package org.serviceflow.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.serviceflow.complaint.BenchComplaints;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 13 item 2 (docs/benchmarks.md, timers): {@code timers} due deadline timers fired by the job executor,
 * (a) ServiceFlow: complaints received through the intake service wait at 首次响应 with their two
 * non-interrupting timers (预警 → Task_WarnFirstResponse, 超时 → Task_EscalateFirstResponse, both writing notices
 * to the outbox and the case timeline); (b) the bare engine: {@code bench/bare-timers.bpmn20.xml}, the same shape
 * with a Java service task behind each timer, on its own database and a job executor configured like the
 * application's. The timers are made due with {@link ManagementService#setJobDuedate} while the job executor is
 * stopped; then it is started and the benchmark waits until the job log shows every timer fired. Fails if any timer
 * did not fire exactly once, failed, left an incident, or wrote other notices than its groups' members expect.
 */
final class TimerBenchmark {

  static final String WARNING = "BoundaryEvent_FirstResponseWarning";
  static final String OVERDUE = "BoundaryEvent_FirstResponseOverdue";
  static final String POLL_MARK = "/* bench-timers-poll */";
  static final long STALL_MILLIS = 180_000;

  private TimerBenchmark() {
  }

  static Map<String, Object> run(EmbeddedPostgres postgres, ConfigurableApplicationContext app, int timers)
      throws Exception {
    int cases = timers / 2;
    DataSource admin = postgres.getPostgresDatabase();
    Benchmarks.sql(admin, "create database bare_timers");
    ProcessEngine sf = app.getBean(ProcessEngine.class);
    JobExecutionProperty shipped = app.getBean(CamundaBpmProperties.class).getJobExecution();
    JobExecutor sfExecutor = ((ProcessEngineConfigurationImpl) sf.getProcessEngineConfiguration()).getJobExecutor();
    Map<String, Object> settings = settings(shipped, sfExecutor);
    System.out.println("bench: timers: job executor settings (application, postgres profile): " + settings);

    HikariDataSource barePool = new HikariDataSource();
    ProcessEngine bare = null;
    try {
      bare = bareEngine(postgres, barePool, shipped, sfExecutor);
      Map<String, Object> results = new LinkedHashMap<>();
      results.put("timers", timers);
      results.put("jobExecutor", settings);

      // (a) ServiceFlow
      List<String> sfInstances = start(cases, serial -> {
        IdentityService identity = sf.getIdentityService();
        identity.setAuthentication("kefu1", List.of("customer-service"));
        try {
          return BenchComplaints.receive(app, 2_000_000 + serial);
        } finally {
          identity.clearAuthentication();
        }
      });
      List<String> sfJobs = timerJobs(sf, sfInstances, WARNING, OVERDUE);
      Map<String, Object> a = fire(postgres, "sf_bench", sf, sfExecutor, sfJobs, timers, WARNING, OVERDUE);
      a.put("cases", cases);
      a.put("notices", checkServiceFlow(postgres, sf, sfInstances, sfJobs));
      results.put("serviceFlow", a);
      System.out.println("bench: timers: ServiceFlow " + a);

      // (b) bare engine
      ProcessEngine bareEngine = bare;
      List<String> bareInstances = start(cases,
          serial -> bareEngine.getRuntimeService().startProcessInstanceByKey("bareTimers").getId());
      List<String> bareJobs = timerJobs(bare, bareInstances, "Warning", "Overdue");
      JobExecutor bareExecutor = ((ProcessEngineConfigurationImpl) bare.getProcessEngineConfiguration())
          .getJobExecutor();
      Map<String, Object> b = fire(postgres, "bare_timers", bare, bareExecutor, bareJobs, timers, "Warning", "Overdue");
      b.put("cases", cases);
      checkBare(postgres, bareInstances, bareJobs);
      results.put("bare", b);
      System.out.println("bench: timers: bare " + b);

      double ratio = (double) a.get("timersPerSecond") / (double) b.get("timersPerSecond");
      results.put("throughputRatio", Benchmarks.round(ratio));
      results.put("statementRatio", Benchmarks.round(
          (double) a.get("statementsPerTimer") / (double) b.get("statementsPerTimer")));
      results.put("transactionRatio", Benchmarks.round(
          (double) a.get("transactionsPerTimer") / (double) b.get("transactionsPerTimer")));
      System.out.printf("bench: timers: ServiceFlow %.1f/s, bare %.1f/s, ratio %.2f%n", a.get("timersPerSecond"),
          b.get("timersPerSecond"), ratio);
      return results;
    } finally {
      if (bare != null) {
        bare.close();
      }
      barePool.close();
    }
  }

  /** What the application's job executor runs with: the starter's properties (thread pool) and the executor. */
  static Map<String, Object> settings(JobExecutionProperty shipped, JobExecutor executor) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("corePoolSize", shipped.getCorePoolSize());
    settings.put("maxPoolSize", shipped.getMaxPoolSize());
    settings.put("queueCapacity", shipped.getQueueCapacity());
    settings.put("maxJobsPerAcquisition", executor.getMaxJobsPerAcquisition());
    settings.put("waitTimeInMillis", executor.getWaitTimeInMillis());
    settings.put("maxWait", executor.getMaxWait());
    settings.put("lockTimeInMillis", executor.getLockTimeInMillis());
    settings.put("backoffTimeInMillis", executor.getBackoffTimeInMillis());
    settings.put("maxBackoff", executor.getMaxBackoff());
    settings.put("backoffDecreaseThreshold", executor.getBackoffDecreaseThreshold());
    settings.put("waitIncreaseFactor", executor.getWaitIncreaseFactor());
    return settings;
  }

  /** A standalone engine on its own database whose job executor has the application's settings. */
  static ProcessEngine bareEngine(EmbeddedPostgres postgres, HikariDataSource dataSource, JobExecutionProperty shipped,
      JobExecutor like) {
    dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "bare_timers"));
    dataSource.setUsername("postgres");
    dataSource.setPassword("postgres");
    dataSource.setMaximumPoolSize(20);
    dataSource.setAutoCommit(false);
    DefaultJobExecutor executor = new DefaultJobExecutor();
    executor.setCorePoolSize(shipped.getCorePoolSize());
    executor.setMaxPoolSize(shipped.getMaxPoolSize());
    executor.setQueueSize(shipped.getQueueCapacity());
    executor.setMaxJobsPerAcquisition(like.getMaxJobsPerAcquisition());
    executor.setWaitTimeInMillis(like.getWaitTimeInMillis());
    executor.setMaxWait(like.getMaxWait());
    executor.setLockTimeInMillis(like.getLockTimeInMillis());
    executor.setBackoffTimeInMillis(like.getBackoffTimeInMillis());
    executor.setMaxBackoff(like.getMaxBackoff());
    executor.setBackoffDecreaseThreshold(like.getBackoffDecreaseThreshold());
    executor.setWaitIncreaseFactor(like.getWaitIncreaseFactor());
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("bareTimers");
    configuration.setDataSource(dataSource);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setJobExecutor(executor);
    configuration.setJobExecutorActivate(true);
    ProcessEngine engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment().addClasspathResource("bench/bare-timers.bpmn20.xml").deploy();
    return engine;
  }

  /** Starts {@code count} process instances on 2 threads (set-up, not measured); returns their ids. */
  static List<String> start(int count, IntFunction<String> starter) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<String>> started = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int serial = i;
        started.add(pool.submit(() -> starter.apply(serial)));
      }
      List<String> ids = new ArrayList<>();
      for (Future<String> f : started) {
        ids.add(f.get());
      }
      return ids;
    } finally {
      pool.shutdown();
    }
  }

  /** The two timer jobs of each instance; fails unless every instance has exactly these two. */
  static List<String> timerJobs(ProcessEngine engine, List<String> instances, String... activities) {
    Set<String> wanted = new HashSet<>(instances);
    List<String> jobs = new ArrayList<>();
    for (String activity : activities) {
      List<Job> found = engine.getManagementService().createJobQuery().timers().activityId(activity).list().stream()
          .filter(job -> wanted.contains(job.getProcessInstanceId())).toList();
      if (found.size() != instances.size()
          || found.stream().map(Job::getProcessInstanceId).distinct().count() != instances.size()) {
        throw new IllegalStateException("expected one " + activity + " timer for each of " + instances.size()
            + " instances, found " + found.size());
      }
      found.forEach(job -> jobs.add(job.getId()));
    }
    return jobs;
  }

  /**
   * With the job executor stopped, makes every timer due now; then starts it and waits until the job log shows
   * each as fired. Statements (pg_stat_statements of that database, the benchmark's own looks left out) and
   * transactions (pg_stat_database; each look is one, subtracted) from the start to the last timer fired.
   */
  static Map<String, Object> fire(EmbeddedPostgres postgres, String database, ProcessEngine engine,
      JobExecutor executor, List<String> jobs, int timers, String... activities) throws Exception {
    if (jobs.size() != timers) {
      throw new IllegalStateException("expected " + timers + " timers, have " + jobs.size());
    }
    DataSource admin = postgres.getPostgresDatabase();
    executor.shutdown();
    ManagementService management = engine.getManagementService();
    Date now = new Date();
    for (String job : jobs) {
      management.setJobDuedate(job, now);
    }
    Thread.sleep(2_000);
    long transactionsBefore = Benchmarks.transactions(admin, database);
    Benchmarks.sql(admin, "select pg_stat_statements_reset(0, (select oid from pg_database where datname = '"
        + database + "'), 0)");
    long looks = 0;
    long seconds;
    try (Connection c = postgres.getDatabase("postgres", database).getConnection();
        PreparedStatement poll = c.prepareStatement("select count(*) filter (where job_state_ = 2), "
            + "count(*) filter (where job_state_ = 1) " + POLL_MARK + " from act_hi_job_log "
            + "where act_id_ = any(?) and timestamp_ >= ?")) {
      poll.setArray(1, c.createArrayOf("varchar", activities));
      poll.setTimestamp(2, new java.sql.Timestamp(System.currentTimeMillis() - 1_000));
      long start = System.nanoTime();
      executor.start();
      long fired = 0;
      long lastProgress = System.nanoTime();
      while (true) {
        looks++;
        try (ResultSet row = poll.executeQuery()) {
          row.next();
          long now2 = row.getLong(1);
          if (row.getLong(2) > 0) {
            throw new IllegalStateException(database + ": " + row.getLong(2) + " timer jobs failed");
          }
          if (now2 != fired) {
            fired = now2;
            lastProgress = System.nanoTime();
          }
        }
        if (fired >= timers) {
          seconds = System.nanoTime() - start;
          break;
        }
        if (System.nanoTime() - lastProgress > STALL_MILLIS * 1_000_000) {
          throw new IllegalStateException(database + ": only " + fired + " of " + timers + " timers fired, none for "
              + STALL_MILLIS / 1000 + " s");
        }
        Thread.sleep(100);
      }
    }
    double elapsed = seconds / 1e9;
    double statements = 0;
    List<Map<String, Object>> top = new ArrayList<>();
    try (Connection c = admin.getConnection(); Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("select trim(query) as q, calls from pg_stat_statements p "
            + "join pg_database d on d.oid = p.dbid where d.datname = '" + database + "' order by calls desc")) {
      while (rows.next()) {
        String query = rows.getString("q");
        long calls = rows.getLong("calls");
        String verb = query.toUpperCase();
        if (query.contains(POLL_MARK) || verb.startsWith("BEGIN") || verb.startsWith("COMMIT")
            || verb.startsWith("ROLLBACK")) {
          continue;
        }
        statements += calls;
        if (top.size() < 12) {
          top.add(Map.of("perTimer", Benchmarks.round((double) calls / timers),
              "query", query.length() > 90 ? query.substring(0, 90) + "…" : query));
        }
      }
    }
    Thread.sleep(2_000);
    long transactions = Benchmarks.transactions(admin, database) - transactionsBefore - looks;
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("seconds", Benchmarks.round(elapsed));
    figures.put("timersPerSecond", Benchmarks.round(timers / elapsed));
    figures.put("statementsPerTimer", Benchmarks.round(statements / timers));
    figures.put("transactionsPerTimer", Benchmarks.round((double) transactions / timers));
    figures.put("benchmarkLooksLeftOut", looks);
    figures.put("mostCalled", top);
    return figures;
  }

  /**
   * Each timer fired exactly once and succeeded, none is left, no incident; each case ran 预警 and 升级 once, has
   * one timeline entry for each and, for each, one inbox row per member of the notified groups and one e-mail row
   * per member with an address (NotificationService). Returns the outbox rows per timer.
   */
  static double checkServiceFlow(EmbeddedPostgres postgres, ProcessEngine sf, List<String> instances,
      List<String> jobs) throws Exception {
    String group = (String) sf.getRuntimeService().getVariable(instances.get(0), "handlingGroup");
    long warning = outboxRows(sf.getIdentityService(), List.of(group));
    long overdue = outboxRows(sf.getIdentityService(), List.of(group, "customer-service-lead", "customer-service"));
    if (warning == 0 || overdue == 0) {
      throw new IllegalStateException("the notified groups have no members: nothing to check");
    }
    try (Connection c = postgres.getDatabase("postgres", "sf_bench").getConnection()) {
      checkJobs(c, jobs, instances);
      String perCase = "select e.proc_inst_id_,"
          + " (select count(*) from notification n where n.case_number = e.business_key_"
          + "   and n.template_key = 'complaint.firstResponseWarning'),"
          + " (select count(*) from notification n where n.case_number = e.business_key_"
          + "   and n.template_key = 'complaint.firstResponseOverdue'),"
          + " (select count(*) from case_timeline t join service_case s on s.id = t.case_id"
          + "   where s.case_number = e.business_key_ and t.activity_id = 'Task_WarnFirstResponse'),"
          + " (select count(*) from case_timeline t join service_case s on s.id = t.case_id"
          + "   where s.case_number = e.business_key_ and t.activity_id = 'Task_EscalateFirstResponse'),"
          + " (select count(*) from act_hi_actinst h where h.proc_inst_id_ = e.proc_inst_id_"
          + "   and h.act_id_ = 'Task_WarnFirstResponse' and h.end_time_ is not null),"
          + " (select count(*) from act_hi_actinst h where h.proc_inst_id_ = e.proc_inst_id_"
          + "   and h.act_id_ = 'Task_EscalateFirstResponse' and h.end_time_ is not null),"
          + " (select count(*) from act_ru_task k where k.proc_inst_id_ = e.proc_inst_id_"
          + "   and k.task_def_key_ = 'Task_FirstResponse')"
          + " from act_ru_execution e where e.id_ = e.proc_inst_id_ and e.proc_inst_id_ = any(?)";
      int checked = 0;
      try (PreparedStatement s = c.prepareStatement(perCase)) {
        s.setArray(1, c.createArrayOf("varchar", instances.toArray()));
        try (ResultSet row = s.executeQuery()) {
          while (row.next()) {
            checked++;
            long[] got = {row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5), row.getLong(6),
                row.getLong(7), row.getLong(8)};
            long[] expected = {warning, overdue, 1, 1, 1, 1, 1};
            if (!java.util.Arrays.equals(got, expected)) {
              throw new IllegalStateException("complaint " + row.getString(1) + ": warning notices, overdue notices,"
                  + " timeline 预警, timeline 升级, 预警 run, 升级 run, open 首次响应 = "
                  + java.util.Arrays.toString(got) + ", expected " + java.util.Arrays.toString(expected));
            }
          }
        }
      }
      if (checked != instances.size()) {
        throw new IllegalStateException("only " + checked + " of " + instances.size() + " complaints still running");
      }
    }
    return Benchmarks.round((warning + overdue) / 2.0);
  }

  /** Each timer fired once, 预警 and 升级 each ran once per instance, the instance still waits at its task. */
  static void checkBare(EmbeddedPostgres postgres, List<String> instances, List<String> jobs) throws Exception {
    try (Connection c = postgres.getDatabase("postgres", "bare_timers").getConnection()) {
      checkJobs(c, jobs, instances);
      try (PreparedStatement s = c.prepareStatement("select count(*) filter (where act_id_ = 'Warn'),"
          + " count(*) filter (where act_id_ = 'Escalate'), count(distinct proc_inst_id_) from act_hi_actinst"
          + " where proc_inst_id_ = any(?) and act_id_ in ('Warn', 'Escalate') and end_time_ is not null")) {
        s.setArray(1, c.createArrayOf("varchar", instances.toArray()));
        try (ResultSet row = s.executeQuery()) {
          row.next();
          int n = instances.size();
          if (row.getLong(1) != n || row.getLong(2) != n || row.getLong(3) != n) {
            throw new IllegalStateException("bare: Warn/Escalate runs " + row.getLong(1) + "/" + row.getLong(2)
                + " over " + row.getLong(3) + " instances, expected " + n + " each");
          }
        }
      }
    }
  }

  /** Exactly one successful job log entry per timer, no failure, no timer left, no incident. */
  static void checkJobs(Connection c, List<String> jobs, List<String> instances) throws Exception {
    try (PreparedStatement s = c.prepareStatement("with ids(id) as (select unnest(?::varchar[])),"
        + " log as (select l.job_state_, l.job_id_ from act_hi_job_log l join ids on ids.id = l.job_id_)"
        + " select (select count(distinct job_id_) from log where job_state_ = 2),"
        + " (select count(*) from log where job_state_ = 2), (select count(*) from log where job_state_ = 1),"
        + " (select count(*) from act_ru_job j join ids on ids.id = j.id_),"
        + " (select count(*) from act_ru_incident i where i.proc_inst_id_ = any(?))")) {
      s.setArray(1, c.createArrayOf("varchar", jobs.toArray()));
      s.setArray(2, c.createArrayOf("varchar", instances.toArray()));
      try (ResultSet row = s.executeQuery()) {
        row.next();
        long[] got = {row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5)};
        long[] expected = {jobs.size(), jobs.size(), 0, 0, 0};
        if (!java.util.Arrays.equals(got, expected)) {
          throw new IllegalStateException("timers fired (distinct, entries), failed, left, incidents = "
              + java.util.Arrays.toString(got) + ", expected " + java.util.Arrays.toString(expected));
        }
      }
    }
  }

  /** Outbox rows a notice to these groups writes: an inbox row per member and an e-mail row per address. */
  static long outboxRows(IdentityService identity, List<String> groups) {
    long rows = 0;
    for (String group : groups) {
      for (User user : identity.createUserQuery().memberOfGroup(group).list()) {
        rows += 1 + (user.getEmail() == null || user.getEmail().isBlank() ? 0 : 1);
      }
    }
    return rows;
  }
}
