package org.serviceflow.complaint;

import org.serviceflow.web.CodeList;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Both intake routes write the same variables: the Tasklist start form asks for exactly what POST /api/complaints stores. */
class ComplaintStartFormTest {

  private static final Path START_FORM = Path.of("forms/complaint/StartEvent_ComplaintReceived.form");

  @Test
  void shouldAskForExactlyTheIntakeVariables() throws IOException {
    ComplaintRequest request = new ComplaintRequest("李四", "13812345678", null, "A", null, "漏水",
        LocalDate.of(2026, 10, 30), "phone", "product-quality", "general", true, "赵六");

    Set<String> formKeys = keys(new ObjectMapper().readTree(START_FORM.toFile()).path("components"), new LinkedHashSet<>());

    assertThat(formKeys).containsExactlyInAnyOrderElementsOf(request.toVariables().keySet());
  }

  @Test
  void shouldOfferTheCodesTheRoutingDecisionKnows() throws IOException {
    JsonNode form = new ObjectMapper().readTree(START_FORM.toFile());

    assertThat(values(form, "category")).containsExactly(codes(ComplaintCategory.values()));
    assertThat(values(form, "channel")).containsExactly(codes(ComplaintChannel.values()));
    assertThat(values(form, "severity")).containsExactly(codes(ComplaintSeverity.values()));
    assertThat(values(form, "customerTier")).containsExactly(codes(ComplaintCustomerTier.values()));
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

  private static String[] values(JsonNode node, String key) {
    if (key.equals(node.path("key").asText())) {
      return node.path("values").findValuesAsText("value").toArray(String[]::new);
    }
    for (JsonNode child : node.path("components")) {
      String[] found = values(child, key);
      if (found.length > 0) {
        return found;
      }
    }
    return new String[0];
  }

  private static String[] codes(CodeList.Coded[] codes) {
    return java.util.Arrays.stream(codes).map(CodeList.Coded::code).toArray(String[]::new);
  }
}
