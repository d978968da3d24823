package org.serviceflow.recalculation;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Counts again, with the calendar as it is now, one process instance's running deadlines:
 * <ol>
 *   <li>the process variables that a delegate counted with the calendar and recorded ({@link CountedDeadlines},
 *   e.g. {@code handlingDueAt}), from their recorded count;</li>
 *   <li>the model expressions of its running timers (timeDate) and open user tasks (camunda:dueDate,
 *   camunda:followUpDate) that count with the working-day calendar ({@link #CALENDAR_BEANS}) or read a variable of
 *   step 1 that moved, with that variable's new instant (nothing is written: a dry run changes nothing).</li>
 * </ol>
 * Counts in calendar hours give the same instant again, so they never show as changed; timers and dates read from
 * variables that were not recorded are left alone. {@code now()} in an expression stands for the moment the timer
 * or task was created.
 */
class RecomputeRunningInstants implements Command<List<RecomputedInstant>> {

  /** The beans whose model expressions count with the working-day calendar, and only with it and their arguments. */
  static final List<String> CALENDAR_BEANS = List.of("deadlines.", "reportSchedule.due(", "reportSchedule.warning(",
      "effectiveDates.");

  private final String processInstanceId;
  private final CountedDeadlines counted;

  RecomputeRunningInstants(String processInstanceId, CountedDeadlines counted) {
    this.processInstanceId = processInstanceId;
    this.counted = counted;
  }

  @Override
  public List<RecomputedInstant> execute(CommandContext commandContext) {
    var configuration = commandContext.getProcessEngineConfiguration();
    ExpressionManager expressions = configuration.getExpressionManager();
    List<RecomputedInstant> instants = new ArrayList<>();
    Map<String, Date> moved = recountVariables(commandContext, instants);
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
        Date recomputed = evaluate(expressions, text, execution, timer.getCreateTime(), moved);
        if (recomputed != null) {
          instants.add(new RecomputedInstant(DeadlineChange.TIMER, timer.getId(), name(event.getName(), event.getId()),
              timer.getDuedate(), recomputed, timer.getCreateTime()));
        }
      }
    }
    for (Task open : configuration.getTaskService().createTaskQuery().processInstanceId(processInstanceId).list()) {
      TaskEntity task = commandContext.getTaskManager().findTaskById(open.getId());
      BpmnModelInstance model = model(commandContext, task.getProcessDefinitionId());
      if (model.getModelElementById(task.getTaskDefinitionKey()) instanceof UserTask userTask) {
        String name = name(task.getName(), task.getTaskDefinitionKey());
        add(instants, DeadlineChange.TASK_DUE, task, name, task.getDueDate(),
            evaluate(expressions, userTask.getCamundaDueDate(), task, task.getCreateTime(), moved));
        add(instants, DeadlineChange.TASK_FOLLOW_UP, task, name, task.getFollowUpDate(),
            evaluate(expressions, userTask.getCamundaFollowUpDate(), task, task.getCreateTime(), moved));
      }
    }
    return instants;
  }

  /** Step 1: the recorded variables of the process instance's scope; returns those that move, by name. */
  private Map<String, Date> recountVariables(CommandContext commandContext, List<RecomputedInstant> instants) {
    Map<String, Date> moved = new LinkedHashMap<>();
    ExecutionEntity instance = commandContext.getExecutionManager().findExecutionById(processInstanceId);
    if (instance == null) {
      return moved;
    }
    Map<String, Object> variables = instance.getVariablesLocal();
    variables.forEach((name, value) -> {
      if (name.endsWith(CountedDeadlines.SUFFIX) && name.length() > CountedDeadlines.SUFFIX.length()) {
        String variable = name.substring(0, name.length() - CountedDeadlines.SUFFIX.length());
        Object stored = variables.get(variable);
        CountedDeadlines.read(value, stored).filter(recording -> processInstanceId.equals(recording.instance()))
            .ifPresent(recording -> {
          Date recomputed = counted.recount(recording);
          RecomputedInstant instant = new RecomputedInstant(DeadlineChange.VARIABLE, variable,
              name(recording.label(), variable), (Date) stored, recomputed, null);
          instants.add(instant);
          if (instant.changed()) {
            moved.put(variable, recomputed);
          }
        });
      }
    });
    return moved;
  }

  private static void add(List<RecomputedInstant> instants, String kind, TaskEntity task, String name, Date stored,
      Date recomputed) {
    if (stored != null && recomputed != null) {
      instants.add(new RecomputedInstant(kind, task.getId(), name, stored, recomputed, task.getCreateTime()));
    }
  }

  private static BpmnModelInstance model(CommandContext commandContext, String processDefinitionId) {
    return commandContext.getProcessEngineConfiguration().getDeploymentCache()
        .findBpmnModelInstanceForProcessDefinition(processDefinitionId);
  }

  /**
   * The expression's instant now, or null when it neither counts with the working-day calendar nor reads a moved
   * variable. A moved variable is read with its new instant.
   */
  private static Date evaluate(ExpressionManager expressions, String text, VariableScope scope, Date createdAt,
      Map<String, Date> moved) {
    if (text == null || scope == null) {
      return null;
    }
    boolean readsMoved = false;
    for (Map.Entry<String, Date> variable : moved.entrySet()) {
      Matcher reads = Pattern.compile("(?<![\\w.$])" + Pattern.quote(variable.getKey()) + "(?![\\w(])").matcher(text);
      if (reads.find()) {
        readsMoved = true;
        text = reads.replaceAll(Matcher.quoteReplacement(literal(variable.getValue())));
      }
    }
    if (!readsMoved && CALENDAR_BEANS.stream().noneMatch(text::contains)) {
      return null;
    }
    if (text.contains("now()")) {
      if (createdAt == null) {
        return null;
      }
      text = text.replace("now()", literal(createdAt));
    }
    Object value = expressions.createExpression(text).getValue(scope);
    return value instanceof Date date ? date : null;
  }

  private static String literal(Date instant) {
    return "dateTime().withMillis(" + instant.getTime() + ").toDate()";
  }

  private static String name(String name, String id) {
    return name == null || name.isBlank() ? id : name;
  }
}
