package org.serviceflow.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One outbox row: one message to one recipient on one channel, rendered when it was written. */
@Entity
@Table(name = "notification")
public class Notification {

  static final int MAX_ERROR_LENGTH = 2000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String caseNumber;

  @Enumerated(EnumType.STRING)
  private Channel channel;

  private String recipient;

  private String templateKey;

  private String subject;

  private String body;

  @Enumerated(EnumType.STRING)
  private NotificationStatus status;

  private int attempts;

  private Instant nextAttemptAt;

  private String claimToken;

  private Instant claimedAt;

  @Column(length = MAX_ERROR_LENGTH)
  private String lastError;

  private Instant createdAt;

  private Instant sentAt;

  private Instant readAt;

  protected Notification() {}

  static Notification write(String caseNumber, Channel channel, String recipient, String templateKey,
      RenderedMessage message, NotificationChannel.Admission admission, Instant now) {
    Notification n = new Notification();
    n.caseNumber = caseNumber;
    n.channel = channel;
    n.recipient = recipient;
    n.templateKey = templateKey;
    n.subject = message.subject();
    n.body = message.body();
    n.status = admission.status();
    n.lastError = admission.reason();
    n.createdAt = now;
    n.nextAttemptAt = admission.status() == NotificationStatus.PENDING ? now : null;
    n.sentAt = admission.status() == NotificationStatus.SENT ? now : null;
    return n;
  }

  /** Marks an inbox message read; the first time counts. */
  void markRead(Instant now) {
    if (readAt == null) {
      readAt = now;
    }
  }

  /** An admin sends a FAILED message again: a fresh set of attempts, due at once; the last error stays visible. */
  void requeue(Instant now) {
    if (status != NotificationStatus.FAILED) {
      throw new IllegalStateException("only FAILED notifications can be re-queued, #" + id + " is " + status);
    }
    status = NotificationStatus.PENDING;
    attempts = 0;
    nextAttemptAt = now;
  }

  static String truncateError(String error) {
    if (error == null || error.length() <= MAX_ERROR_LENGTH) {
      return error;
    }
    return error.substring(0, MAX_ERROR_LENGTH);
  }

  public Long getId() {
    return id;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public Channel getChannel() {
    return channel;
  }

  public String getRecipient() {
    return recipient;
  }

  public String getTemplateKey() {
    return templateKey;
  }

  public String getSubject() {
    return subject;
  }

  public String getBody() {
    return body;
  }

  public NotificationStatus getStatus() {
    return status;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getNextAttemptAt() {
    return nextAttemptAt;
  }

  public Instant getClaimedAt() {
    return claimedAt;
  }

  public String getLastError() {
    return lastError;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getSentAt() {
    return sentAt;
  }

  public Instant getReadAt() {
    return readAt;
  }
}
