package org.serviceflow.casefile;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock ({@link ClockUtil}) as a {@link Clock}: case numbers and timeline entries follow the
 * same time as timers, so a test that moves the engine clock sees matching records.
 */
final class EngineClock extends Clock {

  private final ZoneId zone;

  EngineClock() {
    this(ZoneOffset.UTC);
  }

  private EngineClock(ZoneId zone) {
    this.zone = zone;
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new EngineClock(zone);
  }

  @Override
  public Instant instant() {
    return now();
  }
}
