package org.serviceflow.notification;

import java.time.Duration;

/** Wait before the next attempt: base after the first failure, doubling after each further one, capped at max. */
record Backoff(Duration base, Duration max) {

  Duration afterAttempts(int failedAttempts) {
    int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
    Duration wait = base.multipliedBy(1L << doublings);
    return wait.compareTo(max) > 0 ? max : wait;
  }
}
