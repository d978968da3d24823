package org.serviceflow.recalculation;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Evaluates again, with the calendar as it is now, the model expressions of one process instance's running
 * timers (timeDate) and open user tasks (camunda:dueDate, camunda:followUpDate) that count with the working-day
 * calendar ({@code deadlines.*}). Expressions in calendar hours give the same instant again, so they never show
 * as changed; timers and dates set by delegates from their own variables are left alone. {@code now()} in an
 * expression stands for the moment the timer or task was created.
 */
class RecomputeRunningInstants implements Command<List<RecomputedInstant>> {

  static final String CALENDAR_BEAN = "deadlines.";

  private final String processInstanceId;

  RecomputeRunningInstants(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  @Override
  public List<RecomputedInstant> execute(CommandContext commandContext) {
    var configuration = commandContext.getProcessEngineConfiguration();
    ExpressionManager expressions = configuration.getExpressionManager();
    List<RecomputedInstant> instants = new ArrayList<>();
    for (Job job : configuration.getManagementService().createJobQuery()
        .processInstanceId(processInstanceId).timers().list()) {
      TimerEntity timer = (TimerEntity) commandContext.getJobManager().findJobById(job.getId());
      BpmnModelInstance model = model(commandContext, timer.getProcessDefinitionId());
      ModelElementInstance element = model.getModelElementById(timer.getActivityId());
      if (element instanceof BoundaryEvent event && timer.getDuedate() != null) {
        String text = event.getEventDefinitions().stream()
            .filter(TimerEventDefinition.class::isInstance).map(TimerEventDefinition.class::cast)
            .map(TimerEventDefinition::getTimeDate).filter(java.util.Objects::nonNull)
            .map(ModelElementInstance::getTextContent).findFirst().orElse(null);
        ExecutionEntity execution = commandContext.getExecutionManager().findExecutionById(timer.getExecutionId());
        Date recomputed = evaluate(expressions, text, execution, timer.getCreateTime());
        if (recomputed != null) {
          instants.add(new RecomputedInstant(DeadlineChange.TIMER, timer.getId(), name(event.getName(), event.getId()),
              timer.getDuedate(), recomputed));
        }
      }
    }
    for (Task open : configuration.getTaskService().createTaskQuery().processInstanceId(processInstanceId).list()) {
      TaskEntity task = commandContext.getTaskManager().findTaskById(open.getId());
      BpmnModelInstance model = model(commandContext, task.getProcessDefinitionId());
      if (model.getModelElementById(task.getTaskDefinitionKey()) instanceof UserTask userTask) {
        String name = name(task.getName(), task.getTaskDefinitionKey());
        add(instants, DeadlineChange.TASK_DUE, task, name, task.getDueDate(),
            evaluate(expressions, userTask.getCamundaDueDate(), task, task.getCreateTime()));
        add(instants, DeadlineChange.TASK_FOLLOW_UP, task, name, task.getFollowUpDate(),
            evaluate(expressions, userTask.getCamundaFollowUpDate(), task, task.getCreateTime()));
      }
    }
    return instants;
  }

  private static void add(List<RecomputedInstant> instants, String kind, TaskEntity task, String name, Date stored,
      Date recomputed) {
    if (stored != null && recomputed != null) {
      instants.add(new RecomputedInstant(kind, task.getId(), name, stored, recomputed));
    }
  }

  private static BpmnModelInstance model(CommandContext commandContext, String processDefinitionId) {
    return commandContext.getProcessEngineConfiguration().getDeploymentCache()
        .findBpmnModelInstanceForProcessDefinition(processDefinitionId);
  }

  /** The expression's instant now, or null when it does not count with the working-day calendar. */
  private static Date evaluate(ExpressionManager expressions, String text, VariableScope scope, Date createdAt) {
    if (text == null || !text.contains(CALENDAR_BEAN) || scope == null) {
      return null;
    }
    if (text.contains("now()")) {
      if (createdAt == null) {
        return null;
      }
      text = text.replace("now()", "dateTime().withMillis(" + createdAt.getTime() + ").toDate()");
    }
    Object value = expressions.createExpression(text).getValue(scope);
    return value instanceof Date date ? date : null;
  }

  private static String name(String name, String id) {
    return name == null || name.isBlank() ? id : name;
  }
}
