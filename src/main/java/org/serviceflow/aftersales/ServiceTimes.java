package org.serviceflow.aftersales;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.serviceflow.calendar.CalendarProperties;
import org.springframework.stereotype.Component;

/**
 * Dates of the after-sales rules in the calendar zone (serviceflow.calendar.zone): the product's age at receipt
 * (warranty, 7-day return), the arrival deadline of a visit, and the end of a needed-by day.
 */
@Component
class ServiceTimes {

  private final ZoneId zone;
  private final LocalTime endOfDay;

  ServiceTimes(CalendarProperties calendar) {
    this.zone = calendar.zone();
    this.endOfDay = calendar.endOfDay();
  }

  /** Whole months from the purchase date to the day of receipt; null without a purchase date. */
  Integer monthsSincePurchase(LocalDate purchaseDate, Date receivedAt) {
    return purchaseDate == null ? null : (int) Period.between(purchaseDate, day(receivedAt)).toTotalMonths();
  }

  /** A return received within {@code days} calendar days of purchase (the purchase day is day 0). */
  boolean withinDaysOfPurchase(LocalDate purchaseDate, Date receivedAt, int days) {
    return purchaseDate != null && !day(receivedAt).isAfter(purchaseDate.plusDays(days));
  }

  /**
   * The arrival deadline: the appointment; for urgent requests at the latest the end (24:00) of the day the
   * appointment was agreed, since urgent visits are made the same day (003:370).
   */
  Date visitDue(OffsetDateTime appointment, boolean urgent, Date agreedAt) {
    Date due = Date.from(appointment.toInstant());
    if (urgent) {
      Date sameDay = Date.from(day(agreedAt).plusDays(1).atStartOfDay(zone).toInstant());
      return due.after(sameDay) ? sameDay : due;
    }
    return due;
  }

  /** The end of the working day (serviceflow.calendar.end-of-day) of an ISO date such as "2026-11-10". */
  Date endOfDay(String isoDate) {
    return Date.from(LocalDate.parse(isoDate.substring(0, 10)).atTime(endOfDay).atZone(zone).toInstant());
  }

  /** A date-time written by a form: with an offset ("2026-11-03T10:00+08:00") or without (calendar zone). */
  OffsetDateTime parse(String value) {
    try {
      return OffsetDateTime.parse(value);
    } catch (DateTimeParseException withoutOffset) {
      return LocalDateTime.parse(value).atZone(zone).toOffsetDateTime();
    }
  }

  private LocalDate day(Date instant) {
    return instant.toInstant().atZone(zone).toLocalDate();
  }
}
