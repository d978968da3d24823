package org.serviceflow.processchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Tasklist start form writes exactly the intake variables (ProcessChangeVariables) but the attachment
 * set, which only the API can create, and says so.
 */
class ProcessChangeStartFormTest {

  private static final Path START_FORM = Path.of("forms/processChange/StartEvent_ChangeRequested.form");

  @Test
  void shouldAskForExactlyTheIntakeVariablesButTheAttachments() throws IOException {
    JsonNode form = new ObjectMapper().readTree(START_FORM.toFile());

    assertThat(keys(form.path("components"), new LinkedHashSet<>())).containsExactlyInAnyOrder(
        ProcessChangeVariables.TARGET_PROCESS_KEY, ProcessChangeVariables.TARGET_PROCESS_NAME,
        ProcessChangeVariables.CHANGE_TYPE, ProcessChangeVariables.LEVEL, ProcessChangeVariables.CATEGORY,
        ProcessChangeVariables.TRIGGER, ProcessChangeVariables.DESCRIPTION, ProcessChangeVariables.EFFECTIVE_DATE,
        ProcessChangeVariables.OWNER_GROUP, ProcessChangeVariables.AFFECTED_GROUPS);
    assertThat(form.toString()).contains("POST /api/process-changes");
  }

  @Test
  void shouldAskForALevelAsANumberFromOneToFour() throws IOException {
    JsonNode level = component(new ObjectMapper().readTree(START_FORM.toFile()), ProcessChangeVariables.LEVEL);

    assertThat(level.path("type").asText()).isEqualTo("number");
    assertThat(level.path("validate").path("min").asInt()).isEqualTo(1);
    assertThat(level.path("validate").path("max").asInt()).isEqualTo(4);
  }

  private static Set<String> keys(JsonNode components, Set<String> keys) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      }
      keys(component.path("components"), keys);
    }
    return keys;
  }

  private static JsonNode component(JsonNode form, String key) {
    for (JsonNode component : form.path("components")) {
      if (key.equals(component.path("key").asText())) {
        return component;
      }
    }
    throw new AssertionError("no field " + key);
  }
}
