package org.serviceflow.notification;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/** What the admin endpoints return per outbox row (everything but the body). */
record OutboxEntry(long id, String caseNumber, Channel channel, String recipient, String templateKey,
    String subject, NotificationStatus status, int attempts, OffsetDateTime nextAttemptAt, String lastError,
    OffsetDateTime createdAt, OffsetDateTime sentAt) {

  static OutboxEntry of(Notification n, ZoneId zone) {
    return new OutboxEntry(n.getId(), n.getCaseNumber(), n.getChannel(), n.getRecipient(), n.getTemplateKey(),
        n.getSubject(), n.getStatus(), n.getAttempts(), OutboxTime.local(n.getNextAttemptAt(), zone),
        n.getLastError(), OutboxTime.local(n.getCreatedAt(), zone), OutboxTime.local(n.getSentAt(), zone));
  }
}
