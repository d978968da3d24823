package org.serviceflow.casefile;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether a case's clock stands now: the pause package provides it (casefile must not know pauses), and
 * {@link CaseFileService#get} asks every one for the deadline states ({@link DeadlineState#PAUSED}).
 */
public interface CaseClock {

  /** The start of the case's running pause that stops its clock, empty when the clock runs. */
  Optional<Instant> stoppedSince(String caseNumber);
}
