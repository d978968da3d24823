package org.serviceflow.casefile;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.NaturalId;

/** A case file: one per process instance, its case number being the instance's business key. */
@Entity
@Table(name = "service_case")
class ServiceCase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  /** Never changes: Hibernate keeps which case it names for the transaction, so a case is read once per transaction. */
  @NaturalId
  private String caseNumber;
  @Enumerated(EnumType.STRING)
  private CaseType processType;
  private String processInstanceId;
  private String customerName;
  private String customerPhone;
  private String customerEmail;
  private String channel;
  private String category;
  private String severity;
  private String status;
  private String ownerGroup;
  private String ownerUser;
  private boolean flaggedForReview;
  private String reviewReason;
  private Instant openedAt;
  private Instant closedAt;
  private String outcome;

  protected ServiceCase() {
  }

  ServiceCase(String caseNumber, NewCase newCase, Instant openedAt, String status) {
    this.caseNumber = caseNumber;
    this.processType = newCase.type();
    this.processInstanceId = newCase.processInstanceId();
    this.customerName = newCase.customerName();
    this.customerPhone = newCase.customerPhone();
    this.customerEmail = newCase.customerEmail();
    this.channel = newCase.channel();
    this.category = newCase.category();
    this.severity = newCase.severity();
    this.ownerGroup = newCase.ownerGroup();
    this.ownerUser = newCase.ownerUser();
    this.openedAt = openedAt;
    this.status = status;
  }

  boolean isClosed() {
    return closedAt != null;
  }

  void close(String outcome, Instant closedAt, String closedStatus) {
    this.outcome = Texts.limit(outcome, 2000);
    this.closedAt = closedAt;
    this.status = closedStatus;
  }

  void flagForReview(String reason) {
    if (flaggedForReview && reviewReason != null && reason != null && !reviewReason.contains(reason)) {
      reason = reviewReason + "；" + reason;
    }
    this.flaggedForReview = true;
    this.reviewReason = Texts.limit(reason, 1000);
  }

  Long getId() { return id; }
  String getCaseNumber() { return caseNumber; }
  CaseType getProcessType() { return processType; }
  String getProcessInstanceId() { return processInstanceId; }
  void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
  String getCustomerName() { return customerName; }
  String getCustomerPhone() { return customerPhone; }
  String getCustomerEmail() { return customerEmail; }
  String getChannel() { return channel; }
  String getCategory() { return category; }
  String getSeverity() { return severity; }
  String getStatus() { return status; }
  void setStatus(String status) { this.status = status; }
  String getOwnerGroup() { return ownerGroup; }
  String getOwnerUser() { return ownerUser; }
  boolean isFlaggedForReview() { return flaggedForReview; }
  String getReviewReason() { return reviewReason; }
  Instant getOpenedAt() { return openedAt; }
  Instant getClosedAt() { return closedAt; }
  String getOutcome() { return outcome; }
}
