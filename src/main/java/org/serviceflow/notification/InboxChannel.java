package org.serviceflow.notification;

import org.springframework.stereotype.Component;

/** The in-app inbox: writing the row is the delivery (GET /api/inbox shows it once committed). */
@Component
class InboxChannel implements NotificationChannel {

  @Override
  public Channel channel() {
    return Channel.INBOX;
  }

  @Override
  public Admission admission() {
    return Admission.DELIVERED_ON_WRITE;
  }

  @Override
  public void send(Notification message) {
    // nothing leaves the process: the row itself is the inbox entry
  }
}
