package org.serviceflow.casefile;

import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Keeps the case file in step with every deployed model, as its elements' extension properties say, so
 * no model needs listeners of its own:
 * <ul>
 *   <li>timeline: each user task records its completion (actor = assignee, else the authenticated user,
 *       else 系统; action = task name; outcome = the variables named in {@code timeline.outcome}), and each
 *       timer boundary event records its firing (系统, 计时器：name);</li>
 *   <li>{@code case.status} on a user task: the case status when the task is created;</li>
 *   <li>{@code case.deadline} on a user task: the deadline kind (e.g. VERIFICATION) stored with the task's
 *       due date and follow-up date (the warning) when it is created — the same instants as its timers —
 *       and met when the task ends normally (not when a timer or an event cancels it);</li>
 *   <li>{@code case.deadline} on a subprocess: met when the subprocess ends normally (a delegate sets
 *       the deadline, e.g. when the span it covers starts).</li>
 * </ul>
 */
class CaseFileParseListener extends AbstractBpmnParseListener {

  static final String TIMER_ACTION_PREFIX = "计时器：";
  static final String STATUS_PROPERTY = "case.status";
  static final String DEADLINE_PROPERTY = "case.deadline";

  private final CaseFileRecorder recorder;
  private final ZoneId zone;

  CaseFileParseListener(CaseFileRecorder recorder, ZoneId zone) {
    this.recorder = recorder;
    this.zone = zone;
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
      TimelineOutcome outcome = TimelineOutcome.of(extensionProperty(userTaskElement, TimelineOutcome.PROPERTY), zone);
      userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_COMPLETE, new TaskCompleted(outcome));
      String status = extensionProperty(userTaskElement, STATUS_PROPERTY);
      String deadline = extensionProperty(userTaskElement, DEADLINE_PROPERTY);
      if (status != null || deadline != null) {
        userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, new TaskCreated(status, deadline));
      }
      if (deadline != null) {
        activity.addListener(ExecutionListener.EVENTNAME_END, new DeadlineMet(deadline));
      }
    }
  }

  @Override
  public void parseSubProcess(Element subProcessElement, ScopeImpl scope, ActivityImpl activity) {
    String deadline = extensionProperty(subProcessElement, DEADLINE_PROPERTY);
    if (deadline != null) {
      activity.addListener(ExecutionListener.EVENTNAME_END, new DeadlineMet(deadline));
    }
  }

  @Override
  public void parseBoundaryEvent(Element boundaryEventElement, ScopeImpl scope, ActivityImpl activity) {
    if (boundaryEventElement.element("timerEventDefinition") != null) {
      String name = boundaryEventElement.attribute("name", activity.getId());
      activity.addListener(ExecutionListener.EVENTNAME_START, new TimerFired(TIMER_ACTION_PREFIX + name));
    }
  }

  private static String extensionProperty(Element element, String propertyName) {
    Element extensions = element.element("extensionElements");
    Element properties = extensions == null ? null
        : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
    if (properties == null) {
      return null;
    }
    return properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property").stream()
        .filter(property -> propertyName.equals(property.attribute("name")))
        .map(property -> property.attribute("value"))
        .findFirst()
        .orElse(null);
  }

  private final class TaskCompleted implements TaskListener {

    private final TimelineOutcome outcome;

    TaskCompleted(TimelineOutcome outcome) {
      this.outcome = outcome;
    }

    @Override
    public void notify(DelegateTask task) {
      String action = task.getName() != null ? task.getName() : task.getTaskDefinitionKey();
      recorder.record(task.getExecution().getProcessBusinessKey(), task.getAssignee(), action,
          task.getTaskDefinitionKey(), outcome.describe(task));
    }
  }

  private final class TaskCreated implements TaskListener {

    private final String status;
    private final String deadline;

    TaskCreated(String status, String deadline) {
      this.status = status;
      this.deadline = deadline;
    }

    @Override
    public void notify(DelegateTask task) {
      String businessKey = task.getExecution().getProcessBusinessKey();
      if (status != null) {
        recorder.updateStatus(businessKey, status, task.getTaskDefinitionKey());
      }
      if (deadline != null && task.getDueDate() != null) {
        recorder.setDeadline(businessKey, deadline, task.getDueDate(), task.getFollowUpDate(), task.getTaskDefinitionKey());
      }
    }
  }

  private final class DeadlineMet implements ExecutionListener {

    private final String kind;

    DeadlineMet(String kind) {
      this.kind = kind;
    }

    @Override
    public void notify(DelegateExecution execution) {
      if (!execution.isCanceled()) {
        recorder.completeDeadline(execution.getProcessBusinessKey(), kind, execution.getCurrentActivityId());
      }
    }
  }

  private final class TimerFired implements ExecutionListener {

    private final String action;

    TimerFired(String action) {
      this.action = action;
    }

    @Override
    public void notify(DelegateExecution execution) {
      recorder.record(execution.getProcessBusinessKey(), CurrentActor.SYSTEM, action,
          execution.getCurrentActivityId(), null);
    }
  }
}
