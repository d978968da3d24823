package org.serviceflow.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads and checks one holiday data file (format in docs/calendar.md):
 *
 * <pre>
 * year: 2026
 * source: 国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）
 * festivals:
 *   - name: 国庆节
 *     holidays: {from: 2026-10-01, to: 2026-10-07}
 *     make-up-workdays: [2026-09-20, 2026-10-10]
 * </pre>
 *
 * Every mistake an administrator can make in such a file (unknown key, bad date, a date outside the
 * file's year, a make-up workday that is also a holiday or is not a weekend, a day listed twice)
 * is reported with the file and the festival, so start-up fails with a message that says what to fix.
 */
final class HolidayDataReader {

  private static final Set<String> FILE_KEYS = Set.of("year", "source", "festivals");
  private static final Set<String> FESTIVAL_KEYS = Set.of("name", "holidays", "make-up-workdays");
  private static final Set<String> RANGE_KEYS = Set.of("from", "to");

  private HolidayDataReader() {}

  static HolidayYear read(String yamlText, String origin) {
    Object document;
    try {
      document = yaml().load(yamlText);
    } catch (YAMLException e) {
      throw new HolidayDataException(origin + ": not valid YAML: " + e.getMessage(), e);
    }
    return new FileParser(origin).parse(document);
  }

  /** Every scalar stays a string (no YAML timestamps or numbers), so dates and years are parsed here, with our messages. */
  private static Yaml yaml() {
    LoaderOptions loaderOptions = new LoaderOptions();
    loaderOptions.setAllowDuplicateKeys(false);
    DumperOptions dumperOptions = new DumperOptions();
    Resolver stringsOnly =
        new Resolver() {
          @Override
          protected void addImplicitResolvers() {}
        };
    return new Yaml(
        new SafeConstructor(loaderOptions), new Representer(dumperOptions), dumperOptions, loaderOptions, stringsOnly);
  }

  private static final class FileParser {
    private final String origin;
    private final Map<LocalDate, String> holidays = new HashMap<>();
    private final Map<LocalDate, String> makeUpWorkdays = new HashMap<>();
    private int year;

    FileParser(String origin) {
      this.origin = origin;
    }

    HolidayYear parse(Object document) {
      Map<?, ?> file = map(document, "the file");
      checkKeys(file, FILE_KEYS, "the file");
      year = parseYear(required(file, "year", "the file"));
      String source = text(required(file, "source", "the file"), "source");
      Object festivals = required(file, "festivals", "the file");
      if (!(festivals instanceof List<?> list)) {
        throw fail("'festivals' must be a list of festivals");
      }
      for (Object festival : list) {
        readFestival(map(festival, "each festival"));
      }
      checkMakeUpDaysAreNotHolidays();
      return new HolidayYear(year, source, holidays, makeUpWorkdays, origin);
    }

    private void readFestival(Map<?, ?> festival) {
      String name = text(required(festival, "name", "a festival"), "name");
      String where = "festival " + name;
      checkKeys(festival, FESTIVAL_KEYS, where);
      Map<?, ?> range = map(required(festival, "holidays", where), where + " 'holidays'");
      checkKeys(range, RANGE_KEYS, where + " 'holidays'");
      LocalDate from = date(required(range, "from", where + " 'holidays'"), where);
      LocalDate to = range.containsKey("to") ? date(range.get("to"), where) : from;
      if (to.isBefore(from)) {
        throw fail(where + ": holidays end " + to + " before they start " + from);
      }
      for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
        String earlier = holidays.putIfAbsent(day, name);
        if (earlier != null) {
          throw fail(where + ": " + day + " is already a holiday of " + earlier);
        }
      }
      Object makeUps = festival.get("make-up-workdays");
      if (makeUps == null) {
        return;
      }
      if (!(makeUps instanceof List<?> list)) {
        throw fail(where + ": 'make-up-workdays' must be a list of dates, e.g. [2026-09-20, 2026-10-10]");
      }
      for (Object value : list) {
        LocalDate day = date(value, where);
        DayOfWeek weekday = day.getDayOfWeek();
        if (weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY) {
          throw fail(where + ": make-up workday " + day + " is a " + weekday
              + "; make-up workdays (调休上班) are Saturdays or Sundays");
        }
        String earlier = makeUpWorkdays.putIfAbsent(day, name);
        if (earlier != null) {
          throw fail(where + ": make-up workday " + day + " is already listed under " + earlier);
        }
      }
    }

    private void checkMakeUpDaysAreNotHolidays() {
      makeUpWorkdays.keySet().stream()
          .filter(holidays::containsKey)
          .sorted()
          .findFirst()
          .ifPresent(day -> {
            throw fail("festival " + makeUpWorkdays.get(day) + ": " + day
                + " is listed both as a make-up workday and as a holiday of " + holidays.get(day));
          });
    }

    private LocalDate date(Object value, String where) {
      LocalDate day;
      try {
        day = LocalDate.parse(text(value, "date"));
      } catch (DateTimeParseException e) {
        throw fail(where + ": '" + value + "' is not a date (write yyyy-MM-dd, e.g. " + year + "-10-01)");
      }
      if (day.getYear() != year) {
        throw fail(where + ": " + day + " lies outside the file's year " + year
            + " (each file holds the days of its own year only)");
      }
      return day;
    }

    private int parseYear(Object value) {
      try {
        int parsed = Integer.parseInt(text(value, "year"));
        if (parsed < 1949 || parsed > 9999) {
          throw fail("'year' " + parsed + " is not a plausible year");
        }
        return parsed;
      } catch (NumberFormatException e) {
        throw fail("'year' must be a year like 2027, not '" + value + "'");
      }
    }

    private Object required(Map<?, ?> map, String key, String where) {
      Object value = map.get(key);
      if (value == null) {
        throw fail(where + " has no '" + key + "'");
      }
      return value;
    }

    private String text(Object value, String what) {
      if (!(value instanceof String s) || s.isBlank()) {
        throw fail("'" + what + "' must be text, not " + value);
      }
      return s.strip();
    }

    private Map<?, ?> map(Object value, String what) {
      if (!(value instanceof Map<?, ?> map)) {
        throw fail(what + " must be a map of keys, not " + value);
      }
      return map;
    }

    private void checkKeys(Map<?, ?> map, Set<String> allowed, String where) {
      for (Object key : map.keySet()) {
        if (!allowed.contains(key)) {
          throw fail(where + ": unknown key '" + key + "' (allowed: " + String.join(", ", allowed) + ")");
        }
      }
    }

    private HolidayDataException fail(String message) {
      return new HolidayDataException("Holiday data " + origin + ": " + message);
    }
  }
}
