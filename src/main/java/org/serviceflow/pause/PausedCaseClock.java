package org.serviceflow.pause;

import java.time.Instant;
import java.util.Optional;
import org.serviceflow.casefile.CaseClock;
import org.springframework.stereotype.Component;

/** A case's clock stands while a pause that stops it runs (ended_at empty, stops_clock true). */
@Component
class PausedCaseClock implements CaseClock {

  private final CasePauseRepository pauses;

  PausedCaseClock(CasePauseRepository pauses) {
    this.pauses = pauses;
  }

  @Override
  public Optional<Instant> stoppedSince(String caseNumber) {
    return pauses.findByCaseNumberAndEndedAtIsNull(caseNumber).filter(CasePause::isStopsClock)
        .map(CasePause::getStartedAt);
  }
}
