package org.serviceflow.assignment;

import java.util.ArrayList;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.serviceflow.casefile.CaseFileService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Gives the user tasks listed in {@code serviceflow.first-ask.tasks} the {@link FirstAskOwner} create listener, so
 * that no model names it and process owners change the list in application.yaml (the models are parsed again at
 * the next start). A pre-parse listener: the owner is assignee before the task card and notices are written.
 */
@Component
class FirstAskPlugin extends AbstractProcessEnginePlugin {

  private final FirstAskProperties properties;
  private final FirstAskOwner listener;

  // the identity service and the case file are resolved at the first task: the plugin is built with the engine
  FirstAskPlugin(FirstAskProperties properties, ObjectProvider<IdentityService> identityService,
      ObjectProvider<CaseFileService> caseFiles) {
    this.properties = properties;
    this.listener = new FirstAskOwner(properties, identityService, caseFiles);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask
            && activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
            && properties.covers(definition.getKey(), activity.getId())) {
          userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, listener);
        }
      }
    });
  }
}
