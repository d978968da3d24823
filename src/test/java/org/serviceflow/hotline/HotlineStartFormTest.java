package org.serviceflow.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Tasklist start form asks for exactly the intake variables (HotlineVariables, as POST /api/hotline/appeals
 * stores them), and no form of the handling unit has a field for, or shows, the citizen's name or phone unless
 * hidden for confidential citizens and reporters (002:486).
 */
class HotlineStartFormTest {

  private static final Path FORMS = Path.of("forms/hotline12345");
  /** Tasks of the handling unit (candidate group ${handlingUnit}). */
  private static final List<String> UNIT_FORMS = List.of("Task_SignFor", "Task_FirstContact", "Task_HandleAppeal");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldAskForExactlyTheIntakeVariables() throws IOException {
    Set<String> keys = keys(JSON.readTree(FORMS.resolve("StartEvent_AppealReceived.form").toFile()).path("components"),
        new LinkedHashSet<>());

    assertThat(keys).containsExactlyInAnyOrder(HotlineVariables.CITIZEN_NAME, HotlineVariables.CITIZEN_PHONE,
        HotlineVariables.CONFIDENTIAL, HotlineVariables.APPEAL_TYPE, HotlineVariables.URGENCY, HotlineVariables.AREA,
        HotlineVariables.CATEGORY, HotlineVariables.CONTENT, HotlineVariables.EVENT_DATE,
        HotlineVariables.EVENT_LOCATION, HotlineVariables.PEOPLE_INVOLVED, HotlineVariables.TARGET,
        HotlineVariables.REASON, HotlineVariables.EVIDENCE);
  }

  @Test
  void shouldNeverGiveTheUnitAFieldForTheCitizensNameOrPhone() throws IOException {
    for (String form : UNIT_FORMS) {
      JsonNode components = JSON.readTree(FORMS.resolve(form + ".form").toFile()).path("components");
      assertThat(keys(components, new LinkedHashSet<>())).as(form)
          .doesNotContain(HotlineVariables.CITIZEN_NAME, HotlineVariables.CITIZEN_PHONE);
      try (Stream<JsonNode> texts = texts(components)) {
        texts.filter(text -> text.path("text").asText().contains("{{citizenName}}")
                || text.path("text").asText().contains("{{citizenPhone}}"))
            .forEach(text -> assertThat(text.path("conditional").path("hide").asText()).as(form)
                .isEqualTo("=confidential = true or appealType = \"report\""));
      }
    }
  }

  @Test
  void shouldHaveAFormForEveryUserTaskOfTheModel() throws IOException {
    String model = Files.readString(Path.of("bpmn/hotline12345.bpmn"));
    try (Stream<Path> files = Files.list(FORMS)) {
      files.map(file -> file.getFileName().toString().replace(".form", ""))
          .forEach(element -> assertThat(model).contains("camunda:formRef=\"hotline12345_" + element + "\""));
    }
  }

  private static Stream<JsonNode> texts(JsonNode components) {
    Stream.Builder<JsonNode> all = Stream.builder();
    collect(components, all);
    return all.build().filter(c -> "text".equals(c.path("type").asText()));
  }

  private static void collect(JsonNode components, Stream.Builder<JsonNode> all) {
    for (JsonNode component : components) {
      all.add(component);
      collect(component.path("components"), all);
    }
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
}
