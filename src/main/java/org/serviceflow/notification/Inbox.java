package org.serviceflow.notification;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A staff user's in-app messages. */
@Component
class Inbox {

  private final NotificationRepository outbox;

  Inbox(NotificationRepository outbox) {
    this.outbox = outbox;
  }

  /** The newest 100 messages, newest first. */
  @Transactional(readOnly = true)
  List<InboxMessage> of(String userId) {
    return outbox.findTop100ByChannelAndRecipientOrderByCreatedAtDescIdDesc(Channel.INBOX, userId).stream()
        .map(InboxMessage::of).toList();
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
