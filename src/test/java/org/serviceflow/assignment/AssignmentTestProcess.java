package org.serviceflow.assignment;

import org.camunda.bpm.engine.RepositoryService;

/**
 * The test-only process "assignmentTest": a start form and one user task for the group in
 * variable {@code candidateGroup}, assigned by {@code leastLoadedAssignee}.
 */
public final class AssignmentTestProcess {

  public static final String KEY = "assignmentTest";
  public static final String CANDIDATE_GROUP = "candidateGroup";

  private AssignmentTestProcess() {
  }

  /** Deploys the model and its start form once per engine (duplicate deployments are filtered). */
  public static void deploy(RepositoryService repositoryService) {
    repositoryService.createDeployment()
        .name("assignment-test")
        .enableDuplicateFiltering(false)
        .addClasspathResource("assignment/assignment-test.bpmn20.xml")
        .addInputStream("assignment-test-start.form",
            AssignmentTestProcess.class.getResourceAsStream("/assignment/assignment-test-start.form.json"))
        .deploy();
  }
}
