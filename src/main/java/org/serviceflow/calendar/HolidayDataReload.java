package org.serviceflow.calendar;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Keeps the running calendar and the recorded holiday data in step: at start-up, and when an administrator
 * reloads the data files without a restart, the data is compared with what was seen before and a
 * {@link HolidayDataChanged} event is published when years were added, corrected or removed (listeners
 * recalculate running deadlines and tell the administrators).
 */
@Service
class HolidayDataReload {

  private static final Logger log = LoggerFactory.getLogger(HolidayDataReload.class);

  private final WorkingDayCalendar calendar;
  private final CalendarProperties properties;
  private final HolidayDataVersions versions;
  private final ApplicationEventPublisher events;

  HolidayDataReload(WorkingDayCalendar calendar, CalendarProperties properties, HolidayDataVersions versions,
      ApplicationEventPublisher events) {
    this.calendar = calendar;
    this.properties = properties;
    this.versions = versions;
    this.events = events;
  }

  /** What a reload found: the years now loaded with their fingerprints, and the change (null when none). */
  record Result(Map<Integer, String> years, HolidayDataChanged change) {
  }

  @EventListener(ApplicationReadyEvent.class)
  void compareAtStartUp() {
    compare();
  }

  /**
   * Reads the data files again (classpath and data-dir). A file with a mistake fails with
   * {@link HolidayDataException} and the calendar keeps its data.
   */
  Result reload() {
    calendar.replaceData(HolidayDataLoader.load(properties.dataDir()));
    return compare();
  }

  private Result compare() {
    Map<Integer, String> years = calendar.fingerprints();
    HolidayDataChanged change = versions.record(years);
    if (change != null) {
      log.info("Holiday data changed: added {}, changed {}, removed {}",
          change.addedYears(), change.changedYears(), change.removedYears());
      events.publishEvent(change);
    }
    return new Result(years, change);
  }
}
