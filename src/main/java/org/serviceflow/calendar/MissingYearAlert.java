package org.serviceflow.calendar;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Raised when a computation touches a year that has no holiday data: a WARN line every time, and at
 * most once a day per missing year a {@link HolidayYearMissing} event (the notification package turns it
 * into a notice to the administrators; the calendar imports no other package of the application).
 *
 * <p>Listeners run in the caller's transaction (often the engine's). If that transaction rolls back, the
 * day's event counts as not delivered, so the next computation publishes it again.
 */
class MissingYearAlert {

  private static final Logger log = LoggerFactory.getLogger(MissingYearAlert.class);

  private final ApplicationEventPublisher events;
  private final Supplier<Instant> now;
  private final ZoneId zone;
  private final Path dataDir;
  private final ConcurrentMap<Integer, LocalDate> notifiedOn = new ConcurrentHashMap<>();

  /**
   * @param now the current time; in the application the engine's clock, so that tests which move
   *     the engine clock also move "today"
   * @param zone where a day begins (the calendar zone)
   */
  MissingYearAlert(ApplicationEventPublisher events, Supplier<Instant> now, ZoneId zone, Path dataDir) {
    this.events = events;
    this.now = now;
    this.zone = zone;
    this.dataDir = dataDir;
  }

  void yearMissing(int year, OptionalInt lastYearWithData) {
    String lastYear = lastYearWithData.isPresent() ? String.valueOf(lastYearWithData.getAsInt()) : "无";
    log.warn("No holiday data for {} (last year with data: {}): working days in {} are counted with weekends only. "
        + "Add {}.yaml to serviceflow.calendar.data-dir and reload (POST /api/calendar/reload) or restart (see docs/calendar.md).", year, lastYear, year, year);
    LocalDate today = LocalDate.ofInstant(now.get(), zone);
    if (today.equals(notifiedOn.put(year, today))) {
      return;
    }
    releaseOnRollback(year, today);
    try {
      events.publishEvent(new HolidayYearMissing(year,
          lastYearWithData.isPresent() ? lastYearWithData.getAsInt() : null,
          dataDir == null ? null : dataDir.toAbsolutePath().toString()));
    } catch (RuntimeException e) {
      notifiedOn.remove(year, today);
      log.error("Could not report that holiday data for {} is missing", year, e);
    }
  }

  private void releaseOnRollback(int year, LocalDate today) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCompletion(int status) {
        if (status != STATUS_COMMITTED) {
          notifiedOn.remove(year, today);
        }
      }
    });
  }
}
