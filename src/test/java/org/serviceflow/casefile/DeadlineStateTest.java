package org.serviceflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The order of docs/case-page.md: met, paused, overdue, warned, extended, in time; the first that applies. */
class DeadlineStateTest {

  static final Instant WARNING = Instant.parse("2026-11-09T09:30:00Z");
  static final Instant DUE = Instant.parse("2026-11-10T09:30:00Z");
  static final Instant EXTENDED = Instant.parse("2026-11-08T02:00:00Z");

  @Test
  void shouldReadMetWhateverElseHolds() {
    assertThat(DeadlineState.of(DUE, WARNING, DUE.plusSeconds(60), EXTENDED, DUE.minusSeconds(60), DUE.plusSeconds(999)))
        .isEqualTo(DeadlineState.MET);
  }

  @Test
  void shouldReadPausedOnlyForADeadlineAfterThePausesStart() {
    Instant pausedSince = WARNING.plusSeconds(3600);
    assertThat(DeadlineState.of(DUE, WARNING, null, null, pausedSince, DUE.plusSeconds(60)))
        .as("the pause will move it: the clock stands").isEqualTo(DeadlineState.PAUSED);
    assertThat(DeadlineState.of(DUE, WARNING, null, null, DUE, DUE.plusSeconds(60)))
        .as("overdue before the pause began: the pause does not move it").isEqualTo(DeadlineState.OVERDUE);
  }

  @Test
  void shouldReadOverdueAfterTheDueInstantOnly() {
    assertThat(DeadlineState.of(DUE, WARNING, null, EXTENDED, null, DUE.plusNanos(1000))).isEqualTo(DeadlineState.OVERDUE);
    assertThat(DeadlineState.of(DUE, WARNING, null, null, null, DUE)).isEqualTo(DeadlineState.WARNED);
    assertThat(DeadlineState.of(DUE, null, null, null, null, DUE)).isEqualTo(DeadlineState.IN_TIME);
  }

  @Test
  void shouldReadWarnedFromTheWarningInstantOn() {
    assertThat(DeadlineState.of(DUE, WARNING, null, EXTENDED, null, WARNING)).isEqualTo(DeadlineState.WARNED);
    assertThat(DeadlineState.of(DUE, WARNING, null, null, null, WARNING.minusSeconds(1))).isEqualTo(DeadlineState.IN_TIME);
  }

  @Test
  void shouldReadExtendedUntilWarned() {
    assertThat(DeadlineState.of(DUE, WARNING, null, EXTENDED, null, EXTENDED)).isEqualTo(DeadlineState.EXTENDED);
    assertThat(DeadlineState.EXTENDED.label()).isEqualTo("已延期");
  }
}
