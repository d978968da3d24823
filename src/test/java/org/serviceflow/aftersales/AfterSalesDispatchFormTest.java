package org.serviceflow.aftersales;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dispatcher sees the repeat-repair flag (PROCESSES.md B.9) and the proposed technician, and names the technician. */
class AfterSalesDispatchFormTest {

  private static final Path DISPATCH_FORM = Path.of("forms/afterSalesService/Task_DispatchTechnician.form");

  @Test
  void shouldShowTheRepeatRepairFlagAndTheProposalReadOnly() throws IOException {
    List<JsonNode> fields = fields(new ObjectMapper().readTree(DISPATCH_FORM.toFile()).path("components"), new ArrayList<>());

    assertThat(field(fields, AfterSalesVariables.REPEAT_REPAIR).path("readonly").asBoolean()).isTrue();
    assertThat(field(fields, AfterSalesVariables.REPEAT_REPAIR).path("type").asText()).isEqualTo("checkbox");
    assertThat(field(fields, AfterSalesVariables.EARLIER_CASE_NUMBER).path("readonly").asBoolean()).isTrue();
    assertThat(field(fields, AfterSalesVariables.PROPOSED_TECHNICIAN).path("readonly").asBoolean()).isTrue();
    JsonNode technician = field(fields, AfterSalesVariables.TECHNICIAN);
    assertThat(technician.path("readonly").asBoolean()).isFalse();
    assertThat(technician.path("validate").path("required").asBoolean()).isTrue();
  }

  private static List<JsonNode> fields(JsonNode components, List<JsonNode> fields) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        fields.add(component);
      }
      fields(component.path("components"), fields);
    }
    return fields;
  }

  private static JsonNode field(List<JsonNode> fields, String key) {
    return fields.stream().filter(f -> key.equals(f.path("key").asText())).findFirst()
        .orElseThrow(() -> new AssertionError("no field " + key));
  }
}
