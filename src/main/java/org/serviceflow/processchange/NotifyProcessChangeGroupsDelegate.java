package org.serviceflow.processchange;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.serviceflow.notification.TaskNotices;
import org.springframework.stereotype.Component;

/**
 * Notifies the staff groups the service task names of a process change: review warnings, escalations,
 * publication ({@link TaskNotices}: input parameters noticeTemplate and noticeGroups, e.g.
 * {@code ${trainingGroups}}); {notice} in the template is the task's name.
 */
@Component
class NotifyProcessChangeGroupsDelegate implements JavaDelegate {

  private final TaskNotices notices;

  NotifyProcessChangeGroupsDelegate(TaskNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> params = ProcessChangeVariables.of(execution).noticeParams();
    params.put("notice", execution.getCurrentActivityName());
    notices.toGroups(execution, params);
  }
}
