package org.serviceflow.pause;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** One pause of a case's clock (挂起), running while {@code endedAt} is null. */
@Entity
@Table(name = "case_pause")
class CasePause {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String caseNumber;
  private String pauseType;
  private String party;
  private boolean stopsClock;
  private int maxWorkdays;
  private String reason;
  private String statusBefore;
  private Instant startedAt;
  private String startedBy;
  private Instant endedAt;
  private String endedBy;
  private Long pausedWorkingSeconds;
  private String reminderTaskId;

  protected CasePause() {
  }

  CasePause(String caseNumber, String pauseType, PauseRule rule, String reason, String statusBefore,
      Instant startedAt, String startedBy) {
    this.caseNumber = caseNumber;
    this.pauseType = pauseType;
    this.party = rule.party();
    this.stopsClock = rule.stopsClock();
    this.maxWorkdays = rule.maxWorkdays();
    this.reason = reason;
    this.statusBefore = statusBefore;
    this.startedAt = startedAt;
    this.startedBy = startedBy;
  }

  void end(Instant endedAt, String endedBy, Duration pausedWorkingTime) {
    this.endedAt = endedAt;
    this.endedBy = endedBy;
    this.pausedWorkingSeconds = pausedWorkingTime.getSeconds();
  }

  Long getId() { return id; }
  String getCaseNumber() { return caseNumber; }
  String getPauseType() { return pauseType; }
  String getParty() { return party; }
  boolean isStopsClock() { return stopsClock; }
  int getMaxWorkdays() { return maxWorkdays; }
  String getReason() { return reason; }
  String getStatusBefore() { return statusBefore; }
  Instant getStartedAt() { return startedAt; }
  String getStartedBy() { return startedBy; }
  Instant getEndedAt() { return endedAt; }
  String getEndedBy() { return endedBy; }
  Long getPausedWorkingSeconds() { return pausedWorkingSeconds; }
  String getReminderTaskId() { return reminderTaskId; }
}
