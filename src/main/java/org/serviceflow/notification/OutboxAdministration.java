package org.serviceflow.notification;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What an admin sees of the outbox, and the re-queueing of failed messages. */
@Component
class OutboxAdministration {

  private final NotificationRepository outbox;
  private final ZoneId zone;

  OutboxAdministration(NotificationRepository outbox,
      @Value("${serviceflow.calendar.zone:Asia/Shanghai}") ZoneId zone) {
    this.outbox = outbox;
    this.zone = zone;
  }

  /** The newest 200 rows, of one status or of all. */
  @Transactional(readOnly = true)
  List<OutboxEntry> list(NotificationStatus status) {
    List<Notification> rows = status == null
        ? outbox.findTop200ByOrderByCreatedAtDescIdDesc()
        : outbox.findTop200ByStatusOrderByCreatedAtDescIdDesc(status);
    return rows.stream().map(row -> OutboxEntry.of(row, zone)).toList();
  }

  /** Puts a FAILED message back in the queue; empty when there is no such row. */
  @Transactional
  Optional<OutboxEntry> requeue(long id) {
    return outbox.findById(id).map(message -> {
      message.requeue(OutboxTime.now());
      return OutboxEntry.of(message, zone);
    });
  }
}
