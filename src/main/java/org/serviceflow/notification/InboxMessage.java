package org.serviceflow.notification;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/** What GET /api/inbox returns per message. */
record InboxMessage(long id, String caseNumber, String subject, String body, OffsetDateTime createdAt,
    OffsetDateTime readAt) {

  static InboxMessage of(Notification n, ZoneId zone) {
    return new InboxMessage(n.getId(), n.getCaseNumber(), n.getSubject(), n.getBody(),
        OutboxTime.local(n.getCreatedAt(), zone), OutboxTime.local(n.getReadAt(), zone));
  }
}
