package org.serviceflow.casefile;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Typed reading of a process's variables, as the forms and delegates store them: text (blank reads as
 * unset), whole numbers (forms store Integer or Double), instants (Date) and ISO dates (forms store
 * "2026-11-22" as text). Each process's {@code <Process>Variables} class extends it with its names.
 */
public abstract class ProcessVariables {

  protected final VariableScope scope;

  protected ProcessVariables(VariableScope scope) {
    this.scope = scope;
  }

  protected String string(String name) {
    Object value = scope.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }

  protected int number(String name) {
    Object value = scope.getVariable(name);
    return value instanceof Number n ? n.intValue() : 0;
  }

  protected Date date(String name) {
    return (Date) scope.getVariable(name);
  }

  protected LocalDate isoDate(String name) {
    String value = string(name);
    return value == null ? null : LocalDate.parse(value.substring(0, Math.min(10, value.length())));
  }
}
