package org.serviceflow.casefile;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A case file as read by staff, auditors and reports: the case with its current deadlines. Times in the calendar zone.
 * Category and severity are codes, with the Chinese labels of the start form ({@link CaseLabels}); the owner group
 * is an id, with its Chinese name. {@code servedFirst} says why the case's tasks are served first (e.g. A类客户, 紧急;
 * {@link CasePriority}; filled by {@link CaseFileService#readable} only), empty when they are not.
 */
public record CaseView(
    String caseNumber,
    CaseType processType,
    String processKey,
    String processLabel,
    String processInstanceId,
    String customerName,
    String customerPhone,
    String customerEmail,
    String channel,
    String channelLabel,
    String category,
    String categoryLabel,
    String severity,
    String severityLabel,
    String status,
    String ownerGroup,
    String ownerGroupLabel,
    String ownerUser,
    boolean flaggedForReview,
    String reviewReason,
    OffsetDateTime openedAt,
    OffsetDateTime closedAt,
    String outcome,
    String servedFirst,
    List<Deadline> deadlines) {

  /**
   * A deadline of the case; {@code metAt} is empty while it is still running. {@code state} (with its Chinese
   * {@code stateLabel}) is where it stands at the engine clock's now ({@link DeadlineState}); {@code metInTime} is
   * empty while it runs. {@code originalDueAt} and {@code extendedAt} are set once an approved extension moved it.
   */
  public record Deadline(String kind, OffsetDateTime dueAt, OffsetDateTime warningAt, OffsetDateTime metAt,
      DeadlineState state, String stateLabel, Boolean metInTime, OffsetDateTime originalDueAt,
      OffsetDateTime extendedAt) {
  }
}
