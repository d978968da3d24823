package org.serviceflow.taskcard;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.beans.factory.ObjectProvider;

/**
 * At the creation of a user task: for every coded variable its process's forms offer (e.g. {@code category}
 * with the code {@code product-quality}) the task gets the local variable {@code <name>Label} with the Chinese
 * label ({@code categoryLabel} = 产品质量), which the form summaries show; then the case line of
 * {@link TaskCards} goes into the task's description. At every assignment the case line is written again.
 */
final class TaskCardListener implements TaskListener {

  static final String LABEL_SUFFIX = "Label";

  private final ProcessForms forms;
  private final ObjectProvider<TaskCards> cards;

  TaskCardListener(ProcessForms forms, ObjectProvider<TaskCards> cards) {
    this.forms = forms;
    this.cards = cards;
  }

  @Override
  public void notify(DelegateTask task) {
    if (TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      cards.getObject().describe(task); // a new assignee may be someone the customer is hidden from
      return;
    }
    ExecutionEntity execution = (ExecutionEntity) task.getExecution();
    FormCodeLabels labels = forms.labels(execution.getProcessDefinition().getDeploymentId());
    for (String variable : labels.variables()) {
      if (task.getVariable(variable) instanceof String code) {
        String label = labels.label(variable, code);
        if (label != null) {
          task.setVariableLocal(variable + LABEL_SUFFIX, label);
        }
      }
    }
    cards.getObject().describe(task);
  }
}
