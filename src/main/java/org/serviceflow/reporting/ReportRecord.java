package org.serviceflow.reporting;

import java.time.Instant;

/**
 * One run of a report for one month (table report_record): the figures as compiled for the owner's review, frozen
 * from then on, and who confirmed (and, where required, approved) them and when.
 */
public record ReportRecord(
    long id,
    String type,
    String label,
    String period,
    Status status,
    String processInstanceId,
    ReportFigures figures,
    Instant compiledAt,
    Instant dueAt,
    String comments,
    String measures,
    String confirmedBy,
    Instant confirmedAt,
    String approvedBy,
    Instant approvedAt) {

  /** COMPILED: waiting for the owner; REVIEWED: the owner confirmed, waiting for approval; CONFIRMED: final. */
  public enum Status { COMPILED, REVIEWED, CONFIRMED }
}
