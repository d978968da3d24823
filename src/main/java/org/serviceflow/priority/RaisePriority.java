package org.serviceflow.priority;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * On task creation, raises the task's priority to the highest priority of the rules its case matches
 * (a model's own {@code camunda:priority} stays when it is higher). Read when the task is created: a
 * case whose tier or urgency changes later keeps its open task's priority until the next task.
 */
class RaisePriority implements TaskListener {

  private final List<TaskPriorityProperties.Rule> rules;

  RaisePriority(List<TaskPriorityProperties.Rule> rules) {
    this.rules = rules;
  }

  @Override
  public void notify(DelegateTask task) {
    int priority = task.getPriority();
    for (TaskPriorityProperties.Rule rule : rules) {
      if (rule.priority() > priority && rule.value().equals(String.valueOf(task.getVariable(rule.variable())))) {
        priority = rule.priority();
      }
    }
    if (priority != task.getPriority()) {
      task.setPriority(priority);
    }
  }
}
