package org.serviceflow.notification;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The outbox runs on the engine's clock, so a test that moves {@link ClockUtil} moves timers and
 * retry back-off together, and outbox timestamps line up with the engine's history.
 */
final class OutboxTime {

  private OutboxTime() {}

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** An instant as shown to people: in the calendar zone (serviceflow.calendar.zone), like the case file API. */
  static OffsetDateTime local(Instant instant, ZoneId zone) {
    return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
  }
}
