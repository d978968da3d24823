package org.serviceflow.notification;

import java.time.ZoneId;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A staff user's in-app messages. */
@Component
class Inbox {

  private final NotificationRepository outbox;
  private final ZoneId zone;

  Inbox(NotificationRepository outbox, @Value("${serviceflow.calendar.zone:Asia/Shanghai}") ZoneId zone) {
    this.outbox = outbox;
    this.zone = zone;
  }

  /** The newest 100 messages, newest first. */
  @Transactional(readOnly = true)
  List<InboxMessage> of(String userId) {
    return outbox.findTop100ByChannelAndRecipientOrderByCreatedAtDescIdDesc(Channel.INBOX, userId).stream()
        .map(message -> InboxMessage.of(message, zone)).toList();
  }

  /** Marks one of the user's own messages read; false when the user has no such message. */
  @Transactional
  boolean markRead(long id, String userId) {
    return outbox.findByIdAndChannelAndRecipient(id, Channel.INBOX, userId)
        .map(message -> {
          message.markRead(OutboxTime.now());
          return true;
        })
        .orElse(false);
  }
}
