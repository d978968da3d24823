package org.serviceflow.notification;

/**
 * Life of an outbox row. PENDING waits for the dispatcher; SENDING is claimed by one dispatcher node;
 * SENT is delivered (inbox rows are SENT as soon as they are written); FAILED gave up after the last
 * attempt and waits for an admin; SKIPPED was never sendable (channel switched off), with the reason kept.
 */
public enum NotificationStatus {
  PENDING,
  SENDING,
  SENT,
  FAILED,
  SKIPPED
}
