package org.serviceflow.merge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.serviceflow.casefile.CaseType;

/** A contact merged into an open master case (并单), and, once a lead split it off (拆单), the case started from it. */
@Entity
@Table(name = "repeat_contact")
class RepeatContact {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String masterCaseNumber;
  @Enumerated(EnumType.STRING)
  private CaseType processType;
  private String callerName;
  private String callerPhone;
  @Column(name = "contact_text")
  private String text;
  private String channel;
  private String orderNumber;
  private String reason;
  private Instant receivedAt;
  private String receivedBy;
  private Instant recordedAt;
  private String splitCaseNumber;
  private Instant splitAt;
  private String splitBy;
  private String splitReason;

  protected RepeatContact() {
  }

  RepeatContact(String masterCaseNumber, CaseType processType, RepeatContactRequest request, Instant receivedAt,
      String receivedBy) {
    this.masterCaseNumber = masterCaseNumber;
    this.processType = processType;
    this.callerName = request.callerName().strip();
    this.callerPhone = request.callerPhone().strip();
    this.text = request.text().strip();
    this.channel = request.channel().strip();
    this.orderNumber = request.orderNumber() == null || request.orderNumber().isBlank() ? null
        : request.orderNumber().strip();
    this.reason = request.reason().strip();
    this.receivedAt = receivedAt;
    this.receivedBy = receivedBy;
  }

  void recorded(Instant at) {
    this.recordedAt = at;
  }

  void split(String caseNumber, Instant at, String by, String why) {
    this.splitCaseNumber = caseNumber;
    this.splitAt = at;
    this.splitBy = by;
    this.splitReason = why;
  }

  boolean isSplit() { return splitCaseNumber != null; }
  Long getId() { return id; }
  String getMasterCaseNumber() { return masterCaseNumber; }
  CaseType getProcessType() { return processType; }
  String getCallerName() { return callerName; }
  String getCallerPhone() { return callerPhone; }
  String getText() { return text; }
  String getChannel() { return channel; }
  String getOrderNumber() { return orderNumber; }
  String getReason() { return reason; }
  Instant getReceivedAt() { return receivedAt; }
  String getReceivedBy() { return receivedBy; }
  Instant getRecordedAt() { return recordedAt; }
  String getSplitCaseNumber() { return splitCaseNumber; }
  Instant getSplitAt() { return splitAt; }
  String getSplitBy() { return splitBy; }
  String getSplitReason() { return splitReason; }
}
