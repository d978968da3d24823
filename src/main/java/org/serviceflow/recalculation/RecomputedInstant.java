package org.serviceflow.recalculation;

import java.util.Date;

/**
 * A timer's, task's or counted variable's stored instant, the instant its count gives now and when the timer or
 * task was created (null for a variable).
 */
record RecomputedInstant(String kind, String id, String name, Date stored, Date recomputed,
    Date createdAt) {

  /** The same instant recomputed as {@code at}. */
  RecomputedInstant recomputedAs(Date at) {
    return new RecomputedInstant(kind, id, name, stored, at, createdAt);
  }


  boolean changed() {
    return !stored.equals(recomputed);
  }
}
