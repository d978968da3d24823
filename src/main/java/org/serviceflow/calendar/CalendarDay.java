package org.serviceflow.calendar;

import java.time.LocalDate;

/**
 * How the calendar treats one day.
 *
 * @param working whether the day counts as a working day
 * @param holiday an official holiday (day off, even on a weekday)
 * @param makeUpWorkday an official make-up workday (调休上班, working even on a weekend)
 * @param festival the festival a holiday or make-up workday belongs to, else null
 * @param hasData whether the day's year has holiday data; without it only weekends are days off
 */
public record CalendarDay(
    LocalDate date, boolean working, boolean holiday, boolean makeUpWorkday, String festival, boolean hasData) {}
