package org.serviceflow.recalculation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.serviceflow.calendar.CountedInstant;
import org.serviceflow.calendar.Deadlines;
import org.springframework.stereotype.Component;

/**
 * Deadlines that a delegate counts with the calendar into a process variable (not in a model expression), kept
 * with how they were counted, so that {@link DeadlineRecalculation} counts them again after the holiday data
 * changed. Next to the variable, e.g. {@code handlingDueAt}, a String variable {@code handlingDueAtCounting} holds
 * {@code {"label":"办理时限","at":"2026-11-11T09:30:00Z","counted":"2026-11-02T01:00:00Z +7wd","instance":"…"}}
 * (see {@link CountedInstant}). A recording whose {@code at} is no longer the variable's value (something else set
 * the variable since) is not used; one copied into another process instance (a call activity's
 * {@code variables="all"}) is only read there, never recounted: the instance that counted it owns it.
 */
@Component
public class CountedDeadlines {

  public static final String SUFFIX = "Counting";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Deadlines deadlines;

  CountedDeadlines(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  /** Counts the instant, sets the variable to it and records how it was counted; returns the instant. */
  public Date set(VariableScope scope, String variable, String label, CountedInstant counted) {
    Date at = deadlines.count(counted);
    scope.setVariable(variable, at);
    String instance = scope instanceof DelegateExecution execution ? execution.getProcessInstanceId() : null;
    scope.setVariable(variable + SUFFIX,
        write(new Recording(label, at.toInstant().toString(), counted.toString(), instance)));
    return at;
  }

  /** How the variable's current value was counted, when that was recorded. */
  public Optional<CountedInstant> of(VariableScope scope, String variable) {
    return read(scope.getVariable(variable + SUFFIX), scope.getVariable(variable)).map(Recording::counting);
  }

  /** The instant a recording gives with the holiday data as it is now. */
  Date recount(Recording recording) {
    return deadlines.count(recording.counting());
  }

  /** A variable's recording: its label for staff, the instant it gave, the count and the instance that counted. */
  record Recording(String label, String at, String counted, String instance) {

    CountedInstant counting() {
      return CountedInstant.parse(counted);
    }

    Recording at(Date instant) {
      return new Recording(label, instant.toInstant().toString(), counted, instance);
    }
  }

  /** The recording, if {@code text} is one and the variable still holds the instant it gave. */
  static Optional<Recording> read(Object text, Object value) {
    if (!(text instanceof String json) || !(value instanceof Date date)) {
      return Optional.empty();
    }
    try {
      Recording recording = JSON.readValue(json, Recording.class);
      return recording.at() != null && Instant.parse(recording.at()).equals(date.toInstant())
          ? Optional.of(recording) : Optional.empty();
    } catch (JsonProcessingException | RuntimeException e) {
      return Optional.empty();
    }
  }

  static String write(Recording recording) {
    try {
      return JSON.writeValueAsString(recording);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
