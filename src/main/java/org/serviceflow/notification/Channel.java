package org.serviceflow.notification;

/** Where a notification goes: the in-app inbox of a staff user, an e-mail address, or a phone (SMS). */
public enum Channel {
  INBOX,
  EMAIL,
  SMS
}
