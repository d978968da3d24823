package org.serviceflow.formsubmit;

import java.util.List;
import java.util.Set;

/**
 * One keyed field of a Camunda Form, with the rules that form-js checks in the browser: required, lengths, range,
 * pattern, the options of a radio, select, checklist or taglist, and the {@code conditional.hide} expressions of
 * the field and of the groups around it (FEEL, without the leading {@code =}).
 *
 * @param options the values a choice may take; null when the field is no choice or its options are not static
 */
record FormField(String key, String type, String subtype, String label, boolean required, boolean readonly,
    Integer minLength, Integer maxLength, Double min, Double max, String pattern, Set<String> options,
    List<String> hideWhen) {

  /** PostgreSQL keeps a string variable in a varchar(4000) column: no text field takes more. */
  static final int ENGINE_TEXT_LIMIT = 4000;

  boolean isNumber() {
    return "number".equals(type);
  }

  boolean isCheckbox() {
    return "checkbox".equals(type);
  }

  boolean isList() {
    return "taglist".equals(type) || "checklist".equals(type);
  }

  boolean isDate() {
    return "datetime".equals(type);
  }

  /** The longest text the field takes: its own maxLength, never more than the engine can store. */
  int textLimit() {
    return maxLength == null ? ENGINE_TEXT_LIMIT : Math.min(maxLength, ENGINE_TEXT_LIMIT);
  }

  /** The name staff know the field by, for the refusal's message. */
  String shownName() {
    return label == null || label.isBlank() ? key : label;
  }
}
