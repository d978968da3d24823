package org.serviceflow.aftersales;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Both intake routes write the same variables: the Tasklist start form asks for exactly the intake variables of
 * {@link AfterSalesVariables} that POST /api/service-requests stores, and offers the codes the intake accepts.
 */
class AfterSalesStartFormTest {

  private static final Path START_FORM = Path.of("forms/afterSalesService/StartEvent_ServiceRequested.form");

  @Test
  void shouldAskForExactlyTheIntakeVariables() throws IOException {
    Set<String> formKeys = keys(form().path("components"), new LinkedHashSet<>());

    assertThat(formKeys).containsExactlyInAnyOrder(AfterSalesVariables.CUSTOMER_NAME,
        AfterSalesVariables.CUSTOMER_PHONE, AfterSalesVariables.CUSTOMER_EMAIL, AfterSalesVariables.ADDRESS,
        AfterSalesVariables.PRODUCT_LINE, AfterSalesVariables.PRODUCT_MODEL, AfterSalesVariables.SERIAL_NUMBER,
        AfterSalesVariables.PURCHASE_DATE, AfterSalesVariables.PROOF_OF_PURCHASE, AfterSalesVariables.SERVICE_TYPE,
        AfterSalesVariables.FAULT_DESCRIPTION, AfterSalesVariables.URGENCY, AfterSalesVariables.REGION);
  }

  @Test
  void shouldOfferTheCodesTheIntakeAccepts() throws IOException {
    JsonNode form = form();

    assertThat(values(form, "productLine")).containsExactly(ServiceRequest.PRODUCT_LINES.split("\\|"));
    assertThat(values(form, "serviceType")).containsExactly(ServiceRequest.SERVICE_TYPES.split("\\|"));
    assertThat(values(form, "urgency")).containsExactlyInAnyOrder(ServiceRequest.URGENCIES.split("\\|"));
    assertThat(values(form, "region")).containsExactly(ServiceRequest.REGIONS.split("\\|"));
    assertThat(component(form, "region").path("defaultValue").asText()).isEqualTo("other");
  }

  @Test
  void shouldStoreThePurchaseDateAsADateOnly() throws IOException {
    JsonNode purchaseDate = component(form(), "purchaseDate");

    assertThat(purchaseDate.path("type").asText()).isEqualTo("datetime");
    assertThat(purchaseDate.path("subtype").asText()).isEqualTo("date");
  }

  private static JsonNode form() throws IOException {
    return new ObjectMapper().readTree(START_FORM.toFile());
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

  private static JsonNode component(JsonNode node, String key) {
    if (key.equals(node.path("key").asText())) {
      return node;
    }
    for (JsonNode child : node.path("components")) {
      JsonNode found = component(child, key);
      if (!found.isMissingNode()) {
        return found;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private static String[] values(JsonNode form, String key) {
    return component(form, key).path("values").findValuesAsText("value").toArray(String[]::new);
  }
}
