package org.serviceflow.casefile;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of a case's timeline: who did what, when, with which outcome. */
@Entity
@Table(name = "case_timeline")
class CaseTimelineEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long caseId;
  private Instant occurredAt;
  private String actor;
  private String action;
  private String activityId;
  private String outcome;

  protected CaseTimelineEntry() {
  }

  CaseTimelineEntry(Long caseId, Instant occurredAt, String actor, String action, String activityId, String outcome) {
    this.caseId = caseId;
    this.occurredAt = occurredAt;
    this.actor = Texts.limit(actor, 100);
    this.action = Texts.limit(action, 200);
    this.activityId = Texts.limit(activityId, 255);
    this.outcome = Texts.limit(outcome, 2000);
  }

  Instant getOccurredAt() { return occurredAt; }
  String getActor() { return actor; }
  String getAction() { return action; }
  String getActivityId() { return activityId; }
  String getOutcome() { return outcome; }
}
