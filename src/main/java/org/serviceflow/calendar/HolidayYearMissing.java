package org.serviceflow.calendar;

/**
 * Published (at most once a day per year, in the caller's transaction) when a computation counted days of a
 * year that has no holiday data: those days were counted with weekends only. The notification package tells
 * the administrators; the calendar itself knows nothing of who is told.
 *
 * @param lastYearWithData the last year that has data, or null when none has
 * @param dataDir the directory an administrator drops the missing file into, or null when none is configured
 */
public record HolidayYearMissing(int year, Integer lastYearWithData, String dataDir) {
}
