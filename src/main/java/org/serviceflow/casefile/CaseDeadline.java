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

  protected CaseDeadline() {
  }

  CaseDeadline(Long caseId, String kind) {
    this.caseId = caseId;
    this.kind = kind;
  }

  /** A new due instant replaces the old one; the deadline is open again. */
  void reschedule(Instant dueAt, Instant warningAt) {
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
}
