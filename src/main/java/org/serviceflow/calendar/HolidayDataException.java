package org.serviceflow.calendar;

/** A holiday data file is missing, unreadable or inconsistent; start-up fails with this message. */
class HolidayDataException extends IllegalStateException {

  HolidayDataException(String message) {
    super(message);
  }

  HolidayDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
