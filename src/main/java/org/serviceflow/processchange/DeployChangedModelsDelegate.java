package org.serviceflow.processchange;

import static org.serviceflow.processchange.ProcessChangeVariables.DEPLOYED_VERSIONS;
import static org.serviceflow.processchange.ProcessChangeVariables.DEPLOYMENT_ID;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.serviceflow.casefile.CaseFileService;
import org.springframework.stereotype.Component;

/**
 * 部署新版本 (Task_DeployModels, PROCESSES.md C.5): on the effective date the approved attachment set is
 * deployed as one new deployment named after the approval case; the forms its diagrams reference
 * travel with them (attached, or taken unchanged from the current version — {@link ReferencedForms}), and
 * the deployment id, the engine versions and the approval case go into the catalogue. A change
 * without files deploys nothing and only records the approval.
 */
@Component
class DeployChangedModelsDelegate implements JavaDelegate {

  private final RepositoryService repositoryService;
  private final AttachmentStore attachments;
  private final ProcessCatalogue catalogue;
  private final CaseFileService caseFiles;
  private final ReferencedForms referencedForms;

  DeployChangedModelsDelegate(RepositoryService repositoryService, AttachmentStore attachments,
      ProcessCatalogue catalogue, CaseFileService caseFiles, ReferencedForms referencedForms) {
    this.repositoryService = repositoryService;
    this.attachments = attachments;
    this.catalogue = catalogue;
    this.caseFiles = caseFiles;
    this.referencedForms = referencedForms;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessChangeVariables change = ProcessChangeVariables.of(execution);
    String caseNumber = change.caseNumber();
    List<ModelFile> files = change.attachmentSetId() == null ? List.of() : attachments.load(change.attachmentSetId());
    String deploymentId = null;
    Integer version = null;
    String versions = "";
    if (!files.isEmpty()) {
      DeploymentBuilder deployment = repositoryService.createDeployment().name("processChange " + caseNumber)
          .source(caseNumber).enableDuplicateFiltering(false);
      files.forEach(file -> deployment.addInputStream(file.name(), new ByteArrayInputStream(file.content())));
      referencedForms.addMissing(deployment, files);
      DeploymentWithDefinitions deployed = deployment.deployWithResult();
      List<ProcessDefinition> definitions = deployed.getDeployedProcessDefinitions();
      deploymentId = deployed.getId();
      versions = definitions.stream().map(d -> d.getKey() + ":" + d.getVersion()).collect(Collectors.joining(","));
      version = definitions.stream().filter(d -> d.getKey().equals(change.targetProcessKey()))
          .map(ProcessDefinition::getVersion).findFirst().orElse(null);
    }
    catalogue.recordDeployment(caseNumber, change.targetProcessKey(), version, deploymentId, versions,
        ClockUtil.getCurrentTime().toInstant());
    execution.setVariable(DEPLOYMENT_ID, deploymentId);
    execution.setVariable(DEPLOYED_VERSIONS, versions);
    caseFiles.record(caseNumber, null, execution.getCurrentActivityName(), execution.getCurrentActivityId(),
        deploymentId == null ? "无模型文件，未部署" : "已部署 " + versions + "（部署 " + deploymentId + "）");
  }
}
