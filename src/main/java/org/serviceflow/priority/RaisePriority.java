package org.serviceflow.priority;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * On task creation, raises the task's priority to the highest priority of the rules its case matches
 * (a model's own {@code camunda:priority} stays when it is higher), and writes on a task that reaches the raised
 * priority why it is served first ({@link ServedFirst#REASON}). Read when the task is created: a case whose tier
 * or urgency changes later keeps its open task's priority and reason until the next task.
 */
class RaisePriority implements TaskListener {

  private final TaskPriorityProperties properties;

  RaisePriority(TaskPriorityProperties properties) {
    this.properties = properties;
  }

  @Override
  public void notify(DelegateTask task) {
    int priority = properties.priority(task.getPriority(), task::getVariable);
    if (priority != task.getPriority()) {
      task.setPriority(priority);
    }
    if (priority >= properties.raised()) {
      task.setVariableLocal(ServedFirst.REASON, ServedFirst.reason(properties.servedFirstLabels(task::getVariable)));
    }
  }
}
