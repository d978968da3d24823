package org.serviceflow.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.serviceflow.notification.TaskNotices;
import org.springframework.stereotype.Component;

/**
 * Notifies the staff groups the service task names of a complaint: warnings, escalations, 催办
 * ({@link TaskNotices}: input parameters noticeTemplate, a key of notification/templates/complaint.yaml,
 * and noticeGroups, expressions allowed such as {@code ${handlingGroup}}).
 */
@Component
class NotifyGroupsDelegate implements JavaDelegate {

  private final TaskNotices notices;

  NotifyGroupsDelegate(TaskNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.toGroups(execution, ComplaintVariables.of(execution).noticeParams());
  }
}
