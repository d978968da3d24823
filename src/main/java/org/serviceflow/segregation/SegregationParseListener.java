package org.serviceflow.segregation;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Reads the two extension properties of segregation of duties on user tasks, so that a model says it in one line:
 * <ul>
 *   <li>{@code duty.proposer = <variable>} on the proposing task: who completes it is stored in that process
 *       variable ({@link ProposerListeners.RecordProposer});</li>
 *   <li>{@code duty.excludes = <variable>} on an approval task: the user in that variable may not see, claim,
 *       be given or complete the task ({@link ProposerListeners}).</li>
 * </ul>
 */
class SegregationParseListener extends AbstractBpmnParseListener {

  static final String PROPOSER_PROPERTY = "duty.proposer";
  static final String EXCLUDES_PROPERTY = "duty.excludes";

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    if (!(activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask)) {
      return;
    }
    TaskDefinition task = userTask.getTaskDefinition();
    String proposer = extensionProperty(userTaskElement, PROPOSER_PROPERTY);
    if (proposer != null) {
      task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, new ProposerListeners.RecordProposer(proposer));
    }
    String excludes = extensionProperty(userTaskElement, EXCLUDES_PROPERTY);
    if (excludes != null) {
      task.addTaskListener(TaskListener.EVENTNAME_CREATE, new ProposerListeners.ExcludeProposer(excludes));
      task.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, new ProposerListeners.RefuseAssignment());
      task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, new ProposerListeners.RefuseCompletion());
    }
  }

  private static String extensionProperty(Element element, String propertyName) {
    Element extensions = element.element("extensionElements");
    Element properties = extensions == null ? null
        : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
    if (properties == null) {
      return null;
    }
    for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
      if (propertyName.equals(property.attribute("name"))) {
        String value = property.attribute("value");
        return value == null || value.isBlank() ? null : value.strip();
      }
    }
    return null;
  }
}
