package org.serviceflow.support;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;

/**
 * Process tasks made to measure, for tests of what Tasklist filters list: a one-task process ({@value #PROCESS_KEY},
 * 筛选演示) whose task is offered to the group given per instance, with the name, priority, due date and case
 * variables the test sets. Deploy it before the test and remove it afterwards, so that no other test sees it.
 */
public final class FixtureTasks {

  public static final String PROCESS_KEY = "tasklistFiltersFixture";

  private final ProcessEngine engine;
  private String deploymentId;

  public FixtureTasks(ProcessEngine engine) {
    this.engine = engine;
  }

  public FixtureTasks deploy() {
    deploymentId = engine.getRepositoryService().createDeployment().name(PROCESS_KEY)
        .addModelInstance(PROCESS_KEY + ".bpmn", Bpmn.createExecutableProcess(PROCESS_KEY).name("筛选演示")
            .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Fixture").camundaCandidateGroups("${group}")
            .endEvent().done())
        .deploy().getId();
    return this;
  }

  /** Starts an instance whose task is offered to the group; returns the task's id. */
  public String task(String group, String name, int priority, Instant due, Map<String, Object> caseVariables) {
    Map<String, Object> variables = new HashMap<>(caseVariables);
    variables.put("group", group);
    String instanceId = engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, variables).getId();
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult();
    task.setName(name);
    task.setPriority(priority);
    task.setDueDate(Date.from(due));
    engine.getTaskService().saveTask(task);
    return task.getId();
  }

  /** Deletes the fixture with its instances, tasks and history. */
  public void remove() {
    if (deploymentId != null) {
      engine.getRepositoryService().deleteDeployment(deploymentId, true);
      deploymentId = null;
    }
  }
}
