package org.serviceflow.calendar;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * {@code serviceflow.calendar.*}: the zone all deadlines are computed in, the end of the working
 * day at which a deadline falls due, and an optional directory of holiday data files that add to
 * (and, for the same year, replace) the files shipped in {@code classpath:calendar/}.
 */
@ConfigurationProperties("serviceflow.calendar")
public record CalendarProperties(
    @DefaultValue("Asia/Shanghai") ZoneId zone,
    @DefaultValue("17:30") @DateTimeFormat(pattern = "H:mm") LocalTime endOfDay,
    Path dataDir) {

  public CalendarProperties {
    // "data-dir: ${SOME_VARIABLE:}" left empty means no directory, not the working directory
    dataDir = dataDir == null || dataDir.toString().isBlank() ? null : dataDir;
  }
}
