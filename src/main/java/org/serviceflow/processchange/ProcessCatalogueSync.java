package org.serviceflow.processchange;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Once the application is up (the engine has deployed bpmn/), writes each listed process's latest engine version and
 * deployment into the catalogue (the rows themselves are seeded by V7__process_catalogue.sql).
 */
@Component
class ProcessCatalogueSync {

  private final ProcessCatalogue catalogue;
  private final RepositoryService repositoryService;

  ProcessCatalogueSync(ProcessCatalogue catalogue, RepositoryService repositoryService) {
    this.catalogue = catalogue;
    this.repositoryService = repositoryService;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Transactional
  public void sync() {
    for (CatalogueEntry entry : catalogue.list()) {
      ProcessDefinition latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey(entry.processKey())
          .latestVersion().singleResult();
      if (latest != null) {
        catalogue.syncVersion(entry.processKey(), latest.getName(), latest.getVersion(), latest.getDeploymentId(),
            ClockUtil.getCurrentTime().toInstant());
      }
    }
  }
}
