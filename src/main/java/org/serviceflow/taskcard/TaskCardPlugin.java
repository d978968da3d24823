package org.serviceflow.taskcard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Gives every user task of every deployed model the {@link TaskCardListener}, so that no model needs its own:
 * each task is created with the case number and the customer in its description and with the Chinese labels of
 * the codes its form summarises. The forms a model refers to are noted while it is parsed.
 */
@Component
class TaskCardPlugin extends AbstractProcessEnginePlugin {

  // resolved at the first task: the plugin is built with the engine, before the case file beans
  private final ObjectProvider<TaskCards> cards;

  TaskCardPlugin(ObjectProvider<TaskCards> cards) {
    this.cards = cards;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = Optional.ofNullable(configuration.getCustomPostBPMNParseListeners())
        .orElseGet(ArrayList::new);
    listeners.add(new FormsAndCards());
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  /** Notes each form a model refers to and gives each of its user tasks the card listener. */
  private final class FormsAndCards extends AbstractBpmnParseListener {

    @Override
    public void parseStartEvent(Element startEventElement, ScopeImpl scope, ActivityImpl startEvent) {
      ProcessForms.of(startEvent.getProcessDefinition()).add(formRef(startEventElement));
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      ProcessForms forms = ProcessForms.of(activity.getProcessDefinition());
      forms.add(formRef(userTaskElement));
      if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
        TaskCardListener listener = new TaskCardListener(forms, cards);
        userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, listener);
        userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, listener);
      }
    }
  }

  private static String formRef(Element element) {
    return element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
  }
}
