package org.serviceflow.recalculation;

import java.util.Date;

/** A timer's or task's stored instant and the instant its model expression gives now. */
record RecomputedInstant(String kind, String id, String name, Date stored, Date recomputed) {

  boolean changed() {
    return !stored.equals(recomputed);
  }
}
