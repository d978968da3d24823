package org.serviceflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));

  @Test
  void shouldWaitTheBaseAfterTheFirstFailureAndDoubleAfterEachFurtherOne() {
    assertThat(backoff.afterAttempts(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(backoff.afterAttempts(2)).isEqualTo(Duration.ofMinutes(1));
    assertThat(backoff.afterAttempts(3)).isEqualTo(Duration.ofMinutes(2));
    assertThat(backoff.afterAttempts(7)).isEqualTo(Duration.ofMinutes(32));
  }

  @Test
  void shouldNeverWaitLongerThanTheCap() {
    assertThat(backoff.afterAttempts(8)).isEqualTo(Duration.ofHours(1));
    assertThat(backoff.afterAttempts(500)).isEqualTo(Duration.ofHours(1));
  }
}
