package org.serviceflow.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** serviceflow.notification.* — see docs/notifications.md. */
@ConfigurationProperties("serviceflow.notification")
record NotificationProperties(
    @DefaultValue("serviceflow@localhost") String sender,
    @DefaultValue Dispatcher dispatcher,
    @DefaultValue Sms sms) {

  /**
   * @param enabled        run the dispatcher on a schedule on this node (tests call dispatchDue() themselves)
   * @param interval       pause between two dispatcher runs
   * @param batchSize      messages claimed per run
   * @param maxAttempts    attempts before a message is FAILED
   * @param backoffBase    wait after the first failed attempt; doubles after each further one
   * @param backoffMax     the longest wait between two attempts
   * @param sendingTimeout a message SENDING for longer is taken back (its node crashed)
   */
  record Dispatcher(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("5s") Duration interval,
      @DefaultValue("50") int batchSize,
      @DefaultValue("8") int maxAttempts,
      @DefaultValue("30s") Duration backoffBase,
      @DefaultValue("1h") Duration backoffMax,
      @DefaultValue("5m") Duration sendingTimeout) {}

  /**
   * @param webhookUrl the SMS gateway's URL; empty = SMS off (SMS rows are written SKIPPED)
   * @param token      bearer token sent to the gateway, if set
   * @param timeout    connect and answer timeout; a timeout is retried
   */
  record Sms(String webhookUrl, String token, @DefaultValue("10s") Duration timeout) {

    boolean enabled() {
      return webhookUrl != null && !webhookUrl.isBlank();
    }
  }
}
