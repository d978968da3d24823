package org.serviceflow.casefile;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Draws case numbers: prefix + date part (the case type's pattern, in the calendar zone) + serial of at
 * least four digits; the serial restarts with every period (month, or day for the hotline).
 *
 * <p>Each serial is drawn in its own short transaction (update the period's row, or insert it when it
 * is the period's first number; a concurrent insert of the same row is retried). The row lock serialises
 * concurrent draws, so two cases never share a number. A rolled-back caller leaves a gap, never a duplicate.
 */
@Component
public class CaseNumberGenerator {

  private static final Logger log = LoggerFactory.getLogger(CaseNumberGenerator.class);
  private static final int MAX_ATTEMPTS = 20;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;
  private final ZoneId zone;

  @Autowired
  CaseNumberGenerator(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ObjectProvider<Clock> clock,
      @Value("${serviceflow.calendar.zone:Asia/Shanghai}") ZoneId zone) {
    this(jdbc, transactionManager, clock.getIfUnique(EngineClock::new), zone);
  }

  CaseNumberGenerator(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock, ZoneId zone) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.zone = zone;
  }

  /** The next number for a case opened now. */
  public String next(CaseType type) {
    return next(type, clock.instant());
  }

  /** The next number for a case opened at the given instant (its period is that instant's date in the calendar zone). */
  public String next(CaseType type, Instant openedAt) {
    String period = DateTimeFormatter.ofPattern(type.datePattern()).withZone(zone).format(openedAt);
    return type.prefix() + period + String.format("%04d", nextSerial(type.prefix(), period));
  }

  private long nextSerial(String prefix, String period) {
    for (int attempt = 1; ; attempt++) {
      try {
        return ownTransaction.execute(status -> increment(prefix, period));
      } catch (DuplicateKeyException | PessimisticLockingFailureException e) {
        if (attempt == MAX_ATTEMPTS) {
          throw new IllegalStateException("无法生成案件编号 " + prefix + period + "（并发冲突）", e);
        }
        log.debug("case number {}{}: concurrent draw, retrying ({})", prefix, period, e.getMessage());
      }
    }
  }

  private long increment(String prefix, String period) {
    int updated = jdbc.update(
        "UPDATE case_number_sequence SET last_value = last_value + 1 WHERE prefix = ? AND period = ?", prefix, period);
    if (updated == 0) {
      jdbc.update("INSERT INTO case_number_sequence (prefix, period, last_value) VALUES (?, ?, 1)", prefix, period);
      return 1;
    }
    return jdbc.queryForObject(
        "SELECT last_value FROM case_number_sequence WHERE prefix = ? AND period = ?", Long.class, prefix, period);
  }
}
