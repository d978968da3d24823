package org.serviceflow.calendar;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the holiday data at start-up (a bad file stops start-up) and builds the calendar. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarProperties.class)
class CalendarConfiguration {

  @Bean
  WorkingDayCalendar workingDayCalendar(CalendarProperties properties, ApplicationEventPublisher events) {
    MissingYearAlert alert = new MissingYearAlert(
        events, () -> ClockUtil.getCurrentTime().toInstant(), properties.zone(), properties.dataDir());
    return new WorkingDayCalendar(
        HolidayDataLoader.load(properties.dataDir()), properties.zone(), properties.endOfDay(), alert);
  }
}
