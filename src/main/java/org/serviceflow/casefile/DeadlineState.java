package org.serviceflow.casefile;

import java.time.Instant;

/**
 * Where a case-file deadline stands at an instant (the engine clock), decided here only, for the case page and
 * reports alike (docs/case-page.md). First that applies:
 * <ol>
 *   <li>{@link #MET} 已完成: its work was done ({@code metAt}); {@code metInTime} says whether by {@code dueAt};</li>
 *   <li>{@link #PAUSED} 已挂起: the case's clock stands (a running pause that stops it) and the deadline lies after
 *       the pause's start, so it will move on resume;</li>
 *   <li>{@link #OVERDUE} 已超期: the instant is after {@code dueAt};</li>
 *   <li>{@link #WARNED} 已预警: the instant is at or after {@code warningAt};</li>
 *   <li>{@link #EXTENDED} 已延期: an approved extension moved it, and it is not yet warned;</li>
 *   <li>{@link #IN_TIME} 按时: otherwise.</li>
 * </ol>
 */
public enum DeadlineState {
  IN_TIME("按时"),
  WARNED("已预警"),
  OVERDUE("已超期"),
  PAUSED("已挂起"),
  EXTENDED("已延期"),
  MET("已完成");

  private final String label;

  DeadlineState(String label) {
    this.label = label;
  }

  /** The Chinese label staff read. */
  public String label() {
    return label;
  }

  /**
   * @param pausedSince start of the case's running clock-stopping pause, or null
   * @param extendedAt  when an approved extension last moved the deadline, or null
   */
  public static DeadlineState of(Instant dueAt, Instant warningAt, Instant metAt, Instant extendedAt,
      Instant pausedSince, Instant now) {
    if (metAt != null) {
      return MET;
    }
    if (pausedSince != null && dueAt.isAfter(pausedSince)) {
      return PAUSED;
    }
    if (now.isAfter(dueAt)) {
      return OVERDUE;
    }
    if (warningAt != null && !now.isBefore(warningAt)) {
      return WARNED;
    }
    return extendedAt != null ? EXTENDED : IN_TIME;
  }
}
