package org.serviceflow.casefile;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A current deadline of a case (one per kind, e.g. VERIFICATION): due and warning instants, and when it was met. */
@Entity
@Table(name = "case_deadline")
class CaseDeadline {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long caseId;
  private String kind;
  private Instant dueAt;
  private Instant warningAt;
  private Instant metAt;
  private Instant originalDueAt;
  private Instant extendedAt;

  protected CaseDeadline() {
  }

  CaseDeadline(Long caseId, String kind) {
    this.caseId = caseId;
    this.kind = kind;
  }

  /**
   * A new due instant replaces the old one; the deadline is open again. A met deadline opened again with another due
   * instant starts a new round (e.g. a 12345 re-handling): its extension is forgotten. A running one keeps it (a
   * pause or holiday recalculation moves an extended deadline, it stays extended), and so does a met one opened
   * again with the same due instant (the task entered again in the same round).
   */
  void reschedule(Instant dueAt, Instant warningAt) {
    if (this.metAt != null && !dueAt.equals(this.dueAt)) {
      this.originalDueAt = null;
      this.extendedAt = null;
    }
    this.dueAt = dueAt;
    this.warningAt = warningAt;
    this.metAt = null;
  }

  /** An approved extension moves it later: the due instant before the first extension is kept. */
  void extend(Instant dueAt, Instant warningAt, Instant approvedAt) {
    if (this.originalDueAt == null) {
      this.originalDueAt = this.dueAt;
    }
    this.extendedAt = approvedAt;
    this.dueAt = dueAt;
    this.warningAt = warningAt;
    this.metAt = null;
  }

  /** Keeps the first instant, so a retried step does not move it. */
  void meet(Instant metAt) {
    if (this.metAt == null) {
      this.metAt = metAt;
    }
  }

  String getKind() { return kind; }
  Instant getDueAt() { return dueAt; }
  Instant getWarningAt() { return warningAt; }
  Instant getMetAt() { return metAt; }
  Instant getOriginalDueAt() { return originalDueAt; }
  Instant getExtendedAt() { return extendedAt; }
}
