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
 * Adds the automatic timeline to every deployed model: each user task records its completion (actor = assignee,
 * else the authenticated user, else 系统; action = task name; outcome = the variables named in the task's
 * extension property {@code timeline.outcome}), and each timer boundary event records its firing (系统, 计时器：name).
 */
class CaseTimelineParseListener extends AbstractBpmnParseListener {

  static final String TIMER_ACTION_PREFIX = "计时器：";

  private final CaseTimelineRecorder recorder;
  private final ZoneId zone;

  CaseTimelineParseListener(CaseTimelineRecorder recorder, ZoneId zone) {
    this.recorder = recorder;
    this.zone = zone;
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
      TimelineOutcome outcome = TimelineOutcome.of(extensionProperty(userTaskElement, TimelineOutcome.PROPERTY), zone);
      userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_COMPLETE, new TaskCompleted(outcome));
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
