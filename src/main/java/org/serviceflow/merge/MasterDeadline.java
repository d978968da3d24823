package org.serviceflow.merge;

import java.time.OffsetDateTime;
import java.util.Comparator;
import org.serviceflow.casefile.CaseView;

/**
 * The deadline a caller is told when their contact is merged: of the master's deadlines still running, the one due
 * last (the case's own limit, e.g. a complaint's 结案期限 or a 12345 appeal's 办理时限), with its state.
 */
record MasterDeadline(String kind, OffsetDateTime dueAt, String stateLabel) {

  static MasterDeadline of(CaseView master) {
    return master.deadlines().stream().filter(deadline -> deadline.metAt() == null)
        .max(Comparator.comparing(CaseView.Deadline::dueAt))
        .map(deadline -> new MasterDeadline(deadline.kind(), deadline.dueAt(), deadline.stateLabel()))
        .orElse(null);
  }
}
