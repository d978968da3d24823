package org.serviceflow.notification;

import java.time.Instant;

/** What GET /api/inbox returns per message. */
record InboxMessage(long id, String caseNumber, String subject, String body, Instant createdAt, Instant readAt) {

  static InboxMessage of(Notification n) {
    return new InboxMessage(n.getId(), n.getCaseNumber(), n.getSubject(), n.getBody(), n.getCreatedAt(),
        n.getReadAt());
  }
}
