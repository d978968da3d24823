package org.serviceflow.notification;

/**
 * A way out of the process. The dispatcher calls {@link #send} outside any database transaction;
 * an exception means "not delivered, try again later".
 */
interface NotificationChannel {

  Channel channel();

  /** How a freshly written message on this channel starts. */
  Admission admission();

  /** Delivers one message, or throws. */
  void send(Notification message) throws Exception;

  /** Initial status of a new row, and the reason when it is SKIPPED. */
  record Admission(NotificationStatus status, String reason) {

    static final Admission DELIVERED_ON_WRITE = new Admission(NotificationStatus.SENT, null);
    static final Admission QUEUED = new Admission(NotificationStatus.PENDING, null);

    static Admission skipped(String reason) {
      return new Admission(NotificationStatus.SKIPPED, reason);
    }
  }
}
