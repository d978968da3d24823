package org.serviceflow.processchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.serviceflow.support.ProcessEngineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** GET /api/process-catalogue lists the processes deployed from bpmn/ with their engine versions. */
@ProcessEngineTest
class ProcessCatalogueControllerTest {

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;

  @Test
  void shouldListTheDeployedProcessesToAnySignedInUser() {
    ResponseEntity<JsonNode> response = rest.withBasicAuth("kefu1", "demo").getForEntity("/api/process-catalogue", JsonNode.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody().findValuesAsText("processKey"))
        .contains("complaint", "afterSalesService", "hotline12345", "processChange");
    for (JsonNode entry : response.getBody()) {
      if (entry.path("processKey").asText().equals("processChange")) {
        var latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey("processChange").latestVersion()
            .singleResult();
        assertThat(entry.path("name").asText()).isEqualTo("流程新增/变更审批");
        assertThat(entry.path("level").asInt()).isEqualTo(2);
        assertThat(entry.path("category").asText()).isEqualTo("management");
        assertThat(entry.path("ownerGroup").asText()).isEqualTo("enterprise-management");
        assertThat(entry.path("currentVersion").asInt()).isEqualTo(latest.getVersion());
        assertThat(entry.path("deploymentId").asText()).isEqualTo(latest.getDeploymentId());
        assertThat(entry.path("status").asText()).isEqualTo("active");
      }
    }
  }

  @Test
  void shouldRejectAnAnonymousCall() {
    assertThat(rest.getForEntity("/api/process-catalogue", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }
}
