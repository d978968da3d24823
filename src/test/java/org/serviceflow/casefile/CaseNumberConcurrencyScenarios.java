package org.serviceflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Case numbers under concurrent starts. Run against H2 ({@link CaseNumberConcurrencyTest}) and a real
 * PostgreSQL ({@link CaseNumberConcurrencyIT}). Uses periods in 2041, which no other test touches.
 */
abstract class CaseNumberConcurrencyScenarios {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final int THREADS = 8;

  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  PlatformTransactionManager transactionManager;
  @Autowired
  CaseFileService caseFiles;

  @BeforeEach
  void forgetYear2041() {
    jdbc.update("delete from case_timeline where case_id in (select id from service_case where case_number like '__41%')");
    jdbc.update("delete from case_deadline where case_id in (select id from service_case where case_number like '__41%')");
    jdbc.update("delete from service_case where case_number like '__41%'");
    jdbc.update("delete from case_number_sequence where period like '41%'");
  }

  @Test
  void shouldDrawDistinctConsecutiveNumbersUnderConcurrentStarts() throws Exception {
    // given eight threads drawing complaint numbers in the same month (July 2041)
    CaseNumberGenerator generator = generatorAt("2041-07-15T02:00:00Z");

    // when each draws 50 at the same time
    List<String> numbers = inParallel(() -> generator.next(CaseType.COMPLAINT), 50);

    // then 400 distinct numbers whose serials are exactly 1..400
    assertThat(numbers).hasSize(THREADS * 50).doesNotHaveDuplicates().allMatch(n -> n.matches("TS4107\\d{4}"));
    assertThat(numbers.stream().map(n -> Integer.parseInt(n.substring(6))).sorted().toList())
        .isEqualTo(IntStream.rangeClosed(1, THREADS * 50).boxed().toList());
  }

  @Test
  void shouldOpenDistinctCaseFilesUnderConcurrentStarts() throws Exception {
    // given eight intake clerks opening hotline cases on the same day
    Instant receivedAt = Instant.parse("2041-10-08T01:00:00Z");

    // when each opens five at the same time
    List<String> numbers = inParallel(() -> caseFiles.open(new NewCase(CaseType.HOTLINE, null, "市民", "12345678901",
        null, "12345电话", "住房", "一般", "hotline-operators", null, receivedAt)), 5);

    // then forty case files with distinct numbers RX411008 0001..0040
    assertThat(numbers).hasSize(THREADS * 5).doesNotHaveDuplicates();
    assertThat(jdbc.queryForList("select case_number from service_case where case_number like 'RX411008%'", String.class))
        .containsExactlyInAnyOrderElementsOf(
            IntStream.rangeClosed(1, THREADS * 5).mapToObj(i -> "RX411008%04d".formatted(i)).toList());
  }

  @Test
  void shouldRestartSerialWhenMonthChangesInShanghai() {
    // given two numbers drawn on the last evening of August 2041 (Shanghai time)
    CaseNumberGenerator august = generatorAt("2041-08-31T15:59:59Z");
    assertThat(august.next(CaseType.COMPLAINT)).isEqualTo("TS41080001");
    assertThat(august.next(CaseType.COMPLAINT)).isEqualTo("TS41080002");

    // when the clock passes midnight in Shanghai (16:00 UTC)
    CaseNumberGenerator september = generatorAt("2041-08-31T16:00:00Z");

    // then the serial restarts, while August and other prefixes keep their own serials
    assertThat(september.next(CaseType.COMPLAINT)).isEqualTo("TS41090001");
    assertThat(september.next(CaseType.AFTER_SALES)).isEqualTo("SH41090001");
    assertThat(august.next(CaseType.COMPLAINT)).isEqualTo("TS41080003");
  }

  @Test
  void shouldRestartHotlineSerialEveryDay() {
    assertThat(generatorAt("2041-03-01T10:00:00Z").next(CaseType.HOTLINE)).isEqualTo("RX4103010001");
    assertThat(generatorAt("2041-03-01T15:00:00Z").next(CaseType.HOTLINE)).isEqualTo("RX4103010002");
    assertThat(generatorAt("2041-03-01T16:00:00Z").next(CaseType.HOTLINE)).isEqualTo("RX4103020001");
    assertThat(generatorAt("2041-03-01T16:00:00Z").next(CaseType.PROCESS_CHANGE)).isEqualTo("LC41030001");
  }

  @Test
  void shouldGrowPastFourDigits() {
    // given a month that has already used serial 9999
    jdbc.update("insert into case_number_sequence (prefix, period, last_value) values ('TS', '4111', 9999)");

    // when / then
    assertThat(generatorAt("2041-11-11T02:00:00Z").next(CaseType.COMPLAINT)).isEqualTo("TS411110000");
  }

  private CaseNumberGenerator generatorAt(String instant) {
    return new CaseNumberGenerator(jdbc, transactionManager, Clock.fixed(Instant.parse(instant), SHANGHAI), SHANGHAI);
  }

  private static List<String> inParallel(Callable<String> draw, int perThread) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    Collection<String> numbers = new ConcurrentLinkedQueue<>();
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        workers.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < perThread; i++) {
            numbers.add(draw.call());
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> worker : workers) {
        worker.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    return List.copyOf(numbers);
  }
}
