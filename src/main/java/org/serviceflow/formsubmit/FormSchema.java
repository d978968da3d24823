package org.serviceflow.formsubmit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The keyed fields of a Camunda Form (its JSON schema as deployed), by key; groups are walked into. */
record FormSchema(Map<String, FormField> fields) {

  static FormSchema of(JsonNode form) {
    Map<String, FormField> fields = new LinkedHashMap<>();
    walk(form.path("components"), List.of(), fields);
    return new FormSchema(Collections.unmodifiableMap(fields));
  }

  FormField field(String key) {
    return fields.get(key);
  }

  private static void walk(JsonNode components, List<String> outerHideWhen, Map<String, FormField> fields) {
    for (JsonNode component : components) {
      List<String> hideWhen = new ArrayList<>(outerHideWhen);
      String hide = component.path("conditional").path("hide").asText("");
      if (hide.startsWith("=") && hide.length() > 1) {
        hideWhen.add(hide.substring(1));
      }
      if (component.has("components")) {
        walk(component.path("components"), hideWhen, fields);
      }
      String key = component.path("key").asText("");
      if (!key.isEmpty()) {
        fields.put(key, field(component, key, List.copyOf(hideWhen)));
      }
    }
  }

  private static FormField field(JsonNode component, String key, List<String> hideWhen) {
    JsonNode validate = component.path("validate");
    return new FormField(key, component.path("type").asText(), textOrNull(component.path("subtype")),
        textOrNull(component.path("label")), validate.path("required").asBoolean(false),
        component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false),
        intOrNull(validate.path("minLength")), intOrNull(validate.path("maxLength")),
        numberOrNull(validate.path("min")), numberOrNull(validate.path("max")), textOrNull(validate.path("pattern")),
        options(component.path("values")), hideWhen);
  }

  private static Set<String> options(JsonNode values) {
    if (!values.isArray()) {
      return null;
    }
    Set<String> options = new LinkedHashSet<>();
    values.forEach(option -> options.add(option.path("value").asText()));
    return Collections.unmodifiableSet(options);
  }

  private static String textOrNull(JsonNode node) {
    return node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
  }

  private static Integer intOrNull(JsonNode node) {
    return node.isNumber() ? node.asInt() : null;
  }

  private static Double numberOrNull(JsonNode node) {
    return node.isNumber() ? node.asDouble() : null;
  }
}
