package org.serviceflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The dispatcher runs on its own every interval, unless switched off; a failing run does not stop the schedule. */
class ScheduledDispatchTest {

  @Configuration(proxyBeanMethods = false)
  @EnableScheduling
  @EnableConfigurationProperties(NotificationProperties.class)
  static class Wiring {

    @Bean
    NotificationDispatcher dispatcher() {
      NotificationDispatcher dispatcher = mock(NotificationDispatcher.class);
      when(dispatcher.dispatchDue()).thenThrow(new IllegalStateException("database down")).thenReturn(0);
      return dispatcher;
    }
  }

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withUserConfiguration(Wiring.class, ScheduledDispatch.class);

  @Test
  void shouldDispatchEveryIntervalByDefault() {
    context.withPropertyValues("serviceflow.notification.dispatcher.interval=50ms").run(app -> {
      assertThat(app).hasSingleBean(ScheduledDispatch.class);
      verify(app.getBean(NotificationDispatcher.class), timeout(5000).atLeast(3)).dispatchDue();
    });
  }

  @Test
  void shouldNotScheduleWhenDisabled() {
    context.withPropertyValues("serviceflow.notification.dispatcher.enabled=false").run(app ->
        assertThat(app).doesNotHaveBean(ScheduledDispatch.class));
  }
}
