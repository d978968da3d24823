package org.serviceflow.calendar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How an instant was counted with the working-day calendar, kept so that it can be counted again when the holiday
 * data changes: a basis instant, then steps in order — N working days after (a limit, or an approved extension: the
 * end of the Nth working day after the day), N working days before (a warning), N calendar hours, or not before a
 * fixed instant. Written as text, e.g. {@code 2026-11-02T01:00:00Z +7wd -1wd +3wd} or
 * {@code 2026-11-02T01:00:00Z +24h}; a count with calendar hours only gives the same instant whatever the holiday data.
 */
public record CountedInstant(Instant basis, List<Step> steps) {

  /** One step; {@code floor} only for {@link Kind#NOT_BEFORE}, {@code amount} for the others. */
  public record Step(Kind kind, int amount, Instant floor) {
  }

  public enum Kind { WORKDAYS_AFTER, WORKDAYS_BEFORE, HOURS, NOT_BEFORE }

  public CountedInstant {
    if (basis == null) {
      throw new IllegalArgumentException("counted instant: the basis is null");
    }
    steps = List.copyOf(steps);
  }

  public static CountedInstant from(Date basis) {
    if (basis == null) {
      throw new IllegalArgumentException("counted instant: the basis is null");
    }
    return new CountedInstant(basis.toInstant(), List.of());
  }

  /** The end of the Nth working day after the day (a limit, or an extension of one). */
  public CountedInstant workdaysAfter(int days) {
    return then(new Step(Kind.WORKDAYS_AFTER, nonNegative(days), null));
  }

  /** The end of the working day N working days before the day (a warning). */
  public CountedInstant workdaysBefore(int days) {
    return then(new Step(Kind.WORKDAYS_BEFORE, nonNegative(days), null));
  }

  /** Plus N calendar hours. */
  public CountedInstant plusHours(int hours) {
    return then(new Step(Kind.HOURS, nonNegative(hours), null));
  }

  /** Never before this instant. */
  public CountedInstant notBefore(Date floor) {
    return floor == null ? this : then(new Step(Kind.NOT_BEFORE, 0, floor.toInstant()));
  }

  /** The instant with the calendar as it is now. */
  public Instant on(WorkingDayCalendar calendar) {
    Instant at = basis;
    for (Step step : steps) {
      at = switch (step.kind()) {
        case WORKDAYS_AFTER -> calendar.due(at, step.amount());
        case WORKDAYS_BEFORE -> calendar.workingDaysBefore(at, step.amount());
        case HOURS -> calendar.addHours(at, step.amount());
        case NOT_BEFORE -> at.isBefore(step.floor()) ? step.floor() : at;
      };
    }
    return at;
  }

  @Override
  public String toString() {
    return basis + steps.stream().map(step -> " " + switch (step.kind()) {
      case WORKDAYS_AFTER -> "+" + step.amount() + "wd";
      case WORKDAYS_BEFORE -> "-" + step.amount() + "wd";
      case HOURS -> "+" + step.amount() + "h";
      case NOT_BEFORE -> ">=" + step.floor();
    }).collect(Collectors.joining());
  }

  /** Reads the text of {@link #toString()}. */
  public static CountedInstant parse(String text) {
    String[] parts = text.trim().split("\\s+");
    List<Step> steps = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i];
      if (part.startsWith(">=")) {
        steps.add(new Step(Kind.NOT_BEFORE, 0, Instant.parse(part.substring(2))));
      } else if (part.endsWith("wd")) {
        int days = Integer.parseInt(part.substring(1, part.length() - 2));
        steps.add(new Step(part.startsWith("-") ? Kind.WORKDAYS_BEFORE : Kind.WORKDAYS_AFTER, days, null));
      } else if (part.startsWith("+") && part.endsWith("h")) {
        steps.add(new Step(Kind.HOURS, Integer.parseInt(part.substring(1, part.length() - 1)), null));
      } else {
        throw new IllegalArgumentException("counted instant: unknown step '" + part + "' in '" + text + "'");
      }
    }
    return new CountedInstant(Instant.parse(parts[0]), steps);
  }

  private CountedInstant then(Step step) {
    List<Step> more = new ArrayList<>(steps);
    more.add(step);
    return new CountedInstant(basis, more);
  }

  private static int nonNegative(int value) {
    if (value < 0) {
      throw new IllegalArgumentException("counted instant: " + value + " must not be negative");
    }
    return value;
  }
}
