package org.serviceflow.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * The outbox table. The dispatcher's state changes are conditional UPDATEs, so that when several
 * nodes dispatch at once exactly one of them wins each row; callers run them in a transaction.
 */
interface NotificationRepository extends JpaRepository<Notification, Long> {

  List<Notification> findTop100ByChannelAndRecipientOrderByCreatedAtDescIdDesc(Channel channel, String recipient);

  Optional<Notification> findByIdAndChannelAndRecipient(Long id, Channel channel, String recipient);

  List<Notification> findTop200ByStatusOrderByCreatedAtDescIdDesc(NotificationStatus status);

  List<Notification> findTop200ByOrderByCreatedAtDescIdDesc();

  List<Notification> findByCaseNumberOrderByIdAsc(String caseNumber);

  @Query("""
      select n.id from Notification n
      where n.status = org.serviceflow.notification.NotificationStatus.PENDING and n.nextAttemptAt <= :now
      order by n.nextAttemptAt, n.id""")
  List<Long> findDueIds(Instant now, Pageable page);

  /**
   * PENDING → SENDING for one node, if the row is still due; 0 when another node claimed it first, or when
   * another node's failed attempt put it off since this node listed it as due (the back-off holds).
   */
  @Modifying
  @Query("""
      update Notification n
      set n.status = org.serviceflow.notification.NotificationStatus.SENDING, n.claimToken = :token, n.claimedAt = :now
      where n.id = :id and n.status = org.serviceflow.notification.NotificationStatus.PENDING
        and n.nextAttemptAt <= :now""")
  int claim(long id, String token, Instant now);

  @Modifying
  @Query("""
      update Notification n
      set n.status = org.serviceflow.notification.NotificationStatus.SENT, n.sentAt = :now,
          n.attempts = n.attempts + 1, n.claimToken = null
      where n.id = :id and n.claimToken = :token
        and n.status = org.serviceflow.notification.NotificationStatus.SENDING""")
  int markSent(long id, String token, Instant now);

  /** After a failed attempt: back to PENDING with its next attempt time, or FAILED when attempts are used up. */
  @Modifying
  @Query("""
      update Notification n
      set n.status = :status, n.attempts = :attempts, n.nextAttemptAt = :nextAttemptAt,
          n.lastError = :error, n.claimToken = null
      where n.id = :id and n.claimToken = :token
        and n.status = org.serviceflow.notification.NotificationStatus.SENDING""")
  int markAttemptFailed(long id, String token, NotificationStatus status, int attempts, Instant nextAttemptAt,
      String error);

  /** Rows a crashed node left SENDING: counted as a failed attempt and due again at once. */
  @Modifying
  @Query("""
      update Notification n
      set n.status = org.serviceflow.notification.NotificationStatus.PENDING, n.attempts = n.attempts + 1,
          n.nextAttemptAt = :now, n.lastError = :error, n.claimToken = null
      where n.status = org.serviceflow.notification.NotificationStatus.SENDING and n.claimedAt < :cutoff
        and n.attempts + 1 < :maxAttempts""")
  int releaseStale(Instant cutoff, Instant now, int maxAttempts, String error);

  /** Like {@link #releaseStale}, for rows whose last attempt that was. */
  @Modifying
  @Query("""
      update Notification n
      set n.status = org.serviceflow.notification.NotificationStatus.FAILED, n.attempts = n.attempts + 1,
          n.nextAttemptAt = null, n.lastError = :error, n.claimToken = null
      where n.status = org.serviceflow.notification.NotificationStatus.SENDING and n.claimedAt < :cutoff
        and n.attempts + 1 >= :maxAttempts""")
  int failStale(Instant cutoff, int maxAttempts, String error);
}
