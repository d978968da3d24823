package org.serviceflow.processchange;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * Forms bound with {@code camunda:formRefBinding="deployment"} must lie in the same deployment as the
 * model that references them. A change that attaches only a diagram takes the forms it references,
 * unchanged, from the deployment of the process's current version.
 */
@Component
class ReferencedForms {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RepositoryService repositoryService;

  ReferencedForms(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  /** Adds to the deployment every form the attached diagrams reference but the attachment set lacks. */
  void addMissing(DeploymentBuilder deployment, List<ModelFile> files) {
    Set<String> missing = new HashSet<>();
    Set<String> processKeys = new HashSet<>();
    files.stream().filter(file -> file.name().endsWith(".bpmn")).forEach(file -> {
      BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(file.content()));
      referencedForms(model).forEach(missing::add);
      model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)
          .forEach(process -> processKeys.add(process.getId()));
    });
    files.stream().filter(file -> file.name().endsWith(".form"))
        .forEach(file -> missing.remove(formId(new ByteArrayInputStream(file.content()))));
    for (String key : processKeys) {
      ProcessDefinition current = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
          .latestVersion().singleResult();
      if (current != null && !missing.isEmpty()) {
        addFrom(current.getDeploymentId(), deployment, missing);
      }
    }
  }

  private void addFrom(String deploymentId, DeploymentBuilder deployment, Set<String> missing) {
    for (String name : repositoryService.getDeploymentResourceNames(deploymentId)) {
      if (name.endsWith(".form")) {
        String id = formId(repositoryService.getResourceAsStream(deploymentId, name));
        if (missing.remove(id)) {
          deployment.addDeploymentResourceByName(deploymentId, name);
        }
      }
    }
  }

  private static Stream<String> referencedForms(BpmnModelInstance model) {
    Stream<String> tasks = model.getModelElementsByType(UserTask.class).stream()
        .filter(task -> "deployment".equals(task.getCamundaFormRefBinding()))
        .map(UserTask::getCamundaFormRef);
    Stream<String> starts = model.getModelElementsByType(StartEvent.class).stream()
        .filter(start -> "deployment".equals(start.getCamundaFormRefBinding()))
        .map(StartEvent::getCamundaFormRef);
    return Stream.concat(tasks, starts).filter(ref -> ref != null && !ref.startsWith("${"));
  }

  private static String formId(InputStream form) {
    try (form) {
      return JSON.readTree(form).path("id").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
