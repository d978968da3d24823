package org.serviceflow.notification;

import java.time.Instant;

/** What the admin endpoints return per outbox row (everything but the body). */
record OutboxEntry(long id, String caseNumber, Channel channel, String recipient, String templateKey,
    String subject, NotificationStatus status, int attempts, Instant nextAttemptAt, String lastError,
    Instant createdAt, Instant sentAt) {

  static OutboxEntry of(Notification n) {
    return new OutboxEntry(n.getId(), n.getCaseNumber(), n.getChannel(), n.getRecipient(), n.getTemplateKey(),
        n.getSubject(), n.getStatus(), n.getAttempts(), n.getNextAttemptAt(), n.getLastError(), n.getCreatedAt(),
        n.getSentAt());
  }
}
