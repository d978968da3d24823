package org.serviceflow.casefile;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The outcome of a user task as a readable line: the variables named in the task's extension property
 * {@code timeline.outcome} (comma-separated), e.g. {@code complaintValid=是; verificationNote=已核实}.
 * Booleans read 是/否, dates are shown in the calendar zone, unset variables are left out.
 */
final class TimelineOutcome {

  static final String PROPERTY = "timeline.outcome";

  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final List<String> variableNames;
  private final ZoneId zone;

  private TimelineOutcome(List<String> variableNames, ZoneId zone) {
    this.variableNames = variableNames;
    this.zone = zone;
  }

  /** From the property value, e.g. "complaintValid, verificationNote"; null or blank means no outcome. */
  static TimelineOutcome of(String propertyValue, ZoneId zone) {
    List<String> names = propertyValue == null ? List.of() : Arrays.stream(propertyValue.split(","))
        .map(String::trim)
        .filter(name -> !name.isEmpty())
        .toList();
    return new TimelineOutcome(names, zone);
  }

  /** The line for the given scope, or null when it names no variable that is set. */
  String describe(VariableScope scope) {
    String line = variableNames.stream()
        .filter(name -> scope.getVariable(name) != null)
        .map(name -> name + "=" + format(scope.getVariable(name)))
        .collect(Collectors.joining("; "));
    return line.isEmpty() ? null : line;
  }

  private String format(Object value) {
    if (value instanceof Boolean bool) {
      return bool ? "是" : "否";
    }
    if (value instanceof Date date) {
      return DATE_TIME.format(date.toInstant().atZone(zone));
    }
    return Objects.toString(value);
  }
}
