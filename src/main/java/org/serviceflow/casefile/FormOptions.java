package org.serviceflow.casefile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options of a Camunda Form's selects, radios and checklists: field key → (code → Chinese label). The one reader
 * of form options, for the case file's labels ({@link CaseLabels}), the task cards and the reports. A key offered by
 * several forms keeps the labels of the first form read.
 */
public final class FormOptions {

  private FormOptions() {
  }

  /** Adds the options of {@code component} and all its nested components to {@code into}. */
  public static void collect(JsonNode component, Map<String, Map<String, String>> into) {
    String key = component.path("key").asText("");
    if (!key.isEmpty() && component.path("values").isArray() && !into.containsKey(key)) {
      Map<String, String> codes = new LinkedHashMap<>();
      component.path("values").forEach(option -> codes.put(option.path("value").asText(), option.path("label").asText()));
      into.put(key, codes);
    }
    component.path("components").forEach(child -> collect(child, into));
  }
}
