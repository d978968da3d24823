package org.serviceflow.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/** Runs the dispatcher every serviceflow.notification.dispatcher.interval, unless dispatcher.enabled is false. */
@Component
@ConditionalOnProperty(name = "serviceflow.notification.dispatcher.enabled", havingValue = "true",
    matchIfMissing = true)
class ScheduledDispatch implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(ScheduledDispatch.class);

  private final NotificationDispatcher dispatcher;
  private final NotificationProperties properties;

  ScheduledDispatch(NotificationDispatcher dispatcher, NotificationProperties properties) {
    this.dispatcher = dispatcher;
    this.properties = properties;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(this::run, properties.dispatcher().interval());
  }

  private void run() {
    try {
      dispatcher.dispatchDue();
    } catch (RuntimeException e) {
      log.error("Notification dispatcher run failed; next run in {}", properties.dispatcher().interval(), e);
    }
  }
}
