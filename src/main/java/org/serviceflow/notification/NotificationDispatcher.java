package org.serviceflow.notification;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due outbox messages. Safe with several nodes: a message is claimed by a conditional UPDATE
 * (PENDING → SENDING, one node wins), sent outside any transaction, then marked SENT, or PENDING
 * again with back-off, or FAILED after the last attempt. Delivery is at-least-once: a node that
 * dies between sending and marking SENT leaves the message SENDING, and after the sending timeout
 * another node sends it again.
 */
@Component
public class NotificationDispatcher {

  private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
  static final String STALE_ERROR = "发送中断：节点在发送途中停止，超时后重新排队 (sending timeout)";

  private final NotificationRepository outbox;
  private final TransactionTemplate transaction;
  private final Map<Channel, NotificationChannel> channels = new EnumMap<>(Channel.class);
  private final NotificationProperties.Dispatcher settings;
  private final Backoff backoff;

  NotificationDispatcher(NotificationRepository outbox, PlatformTransactionManager transactionManager,
      List<NotificationChannel> channels, NotificationProperties properties) {
    this.outbox = outbox;
    this.transaction = new TransactionTemplate(transactionManager);
    channels.forEach(channel -> this.channels.put(channel.channel(), channel));
    this.settings = properties.dispatcher();
    this.backoff = new Backoff(settings.backoffBase(), settings.backoffMax());
  }

  /** One dispatcher run: takes back stale claims, then sends up to batch-size due messages. Returns how many were delivered. */
  public int dispatchDue() {
    releaseStaleClaims();
    Instant now = OutboxTime.now();
    List<Long> due = outbox.findDueIds(now, PageRequest.of(0, settings.batchSize()));
    int delivered = 0;
    for (Long id : due) {
      if (dispatch(id)) {
        delivered++;
      }
    }
    return delivered;
  }

  private void releaseStaleClaims() {
    Instant now = OutboxTime.now();
    Instant cutoff = now.minus(settings.sendingTimeout());
    transaction.executeWithoutResult(status -> {
      int failed = outbox.failStale(cutoff, settings.maxAttempts(), STALE_ERROR);
      int released = outbox.releaseStale(cutoff, now, settings.maxAttempts(), STALE_ERROR);
      if (failed + released > 0) {
        log.warn("Took back {} notification(s) left SENDING since before {}; {} of them FAILED",
            failed + released, cutoff, failed);
      }
    });
  }

  private boolean dispatch(long id) {
    String token = UUID.randomUUID().toString();
    Integer claimed = transaction.execute(status -> outbox.claim(id, token, OutboxTime.now()));
    if (claimed == null || claimed == 0) {
      return false; // another node was faster
    }
    Notification message = outbox.findById(id).orElseThrow();
    try {
      channels.get(message.getChannel()).send(message);
    } catch (Exception e) {
      recordFailure(message, token, e);
      return false;
    }
    transaction.executeWithoutResult(status -> outbox.markSent(id, token, OutboxTime.now()));
    return true;
  }

  private void recordFailure(Notification message, String token, Exception error) {
    int attempts = message.getAttempts() + 1;
    String reason = Notification.truncateError(describe(error));
    boolean givingUp = attempts >= settings.maxAttempts();
    NotificationStatus next = givingUp ? NotificationStatus.FAILED : NotificationStatus.PENDING;
    Instant nextAttemptAt = givingUp ? null : OutboxTime.now().plus(backoff.afterAttempts(attempts));
    transaction.executeWithoutResult(status ->
        outbox.markAttemptFailed(message.getId(), token, next, attempts, nextAttemptAt, reason));
    if (givingUp) {
      log.error("Notification #{} ({} to {}) FAILED after {} attempts: {}", message.getId(), message.getChannel(),
          message.getRecipient(), attempts, reason);
    } else {
      log.warn("Notification #{} ({} to {}) attempt {} failed, next at {}: {}", message.getId(),
          message.getChannel(), message.getRecipient(), attempts, nextAttemptAt, reason);
    }
  }

  private static String describe(Throwable error) {
    StringBuilder text = new StringBuilder(error.toString());
    for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      text.append(" ← ").append(cause);
    }
    return text.toString();
  }
}
