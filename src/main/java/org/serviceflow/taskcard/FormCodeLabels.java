package org.serviceflow.taskcard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.serviceflow.casefile.FormOptions;

/**
 * The Chinese labels of a process's codes, read from the options of its own Camunda Forms: every select, radio
 * and checklist of the start form and the task forms offers codes with their labels, and these options are the
 * one label source the task summaries use (the forms' options are kept equal to the code lists of the intake
 * API by the *StartFormTest classes). A variable offered by several forms takes the labels of the first form
 * that offers it.
 */
final class FormCodeLabels {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Variable name → (code → label). */
  private final Map<String, Map<String, String>> labels;

  private FormCodeLabels(Map<String, Map<String, String>> labels) {
    this.labels = labels;
  }

  static final FormCodeLabels NONE = new FormCodeLabels(Map.of());

  /**
   * The labels of the forms among {@code formFiles} (the contents of a deployment's .form resources) whose id
   * is one of {@code formIds}, in the order of {@code formIds}.
   */
  static FormCodeLabels of(Collection<byte[]> formFiles, Collection<String> formIds) {
    Map<String, JsonNode> forms = new LinkedHashMap<>();
    for (byte[] file : formFiles) {
      JsonNode form = parse(file);
      if (form != null && formIds.contains(form.path("id").asText())) {
        forms.put(form.path("id").asText(), form);
      }
    }
    Map<String, Map<String, String>> labels = new LinkedHashMap<>();
    for (String formId : formIds) {
      JsonNode form = forms.get(formId);
      if (form != null) {
        form.path("components").forEach(component -> FormOptions.collect(component, labels));
      }
    }
    return new FormCodeLabels(labels);
  }

  /** The variables that have a code list. */
  Set<String> variables() {
    return labels.keySet();
  }

  /** The label of a code of a variable; null when the variable has no code list or the code is not in it. */
  String label(String variable, String code) {
    Map<String, String> codes = labels.get(variable);
    return codes == null ? null : codes.get(code);
  }

  private static JsonNode parse(byte[] file) {
    try {
      return JSON.readTree(file);
    } catch (IOException notJson) {
      return null;
    }
  }
}
