package org.serviceflow.taskcard;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.pvm.process.ProcessDefinitionImpl;

/**
 * The Camunda Forms one deployed process definition refers to (start event and user tasks, binding
 * {@code deployment}) and, read once from its deployment at the first task, their code labels.
 */
final class ProcessForms {

  private static final String PROPERTY = "serviceflow.taskcard.forms";

  private final Set<String> formIds = new LinkedHashSet<>();
  private volatile FormCodeLabels labels;

  /** The forms of the process definition being parsed, created at its first element. */
  static ProcessForms of(ProcessDefinitionImpl definition) {
    ProcessForms forms = (ProcessForms) definition.getProperty(PROPERTY);
    if (forms == null) {
      forms = new ProcessForms();
      definition.setProperty(PROPERTY, forms);
    }
    return forms;
  }

  void add(String formId) {
    if (formId != null && !formId.isBlank()) {
      formIds.add(formId);
    }
  }

  /** The labels of the forms, read from the deployment (inside an engine command) the first time. */
  FormCodeLabels labels(String deploymentId) {
    FormCodeLabels known = labels;
    if (known == null) {
      List<byte[]> files = Context.getCommandContext().getResourceManager().findResourcesByDeploymentId(deploymentId)
          .stream()
          .filter(resource -> resource.getName().endsWith(".form"))
          .map(ResourceEntity::getBytes)
          .toList();
      known = FormCodeLabels.of(files, formIds);
      if (!files.isEmpty()) {
        labels = known;
      }
    }
    return known;
  }
}
