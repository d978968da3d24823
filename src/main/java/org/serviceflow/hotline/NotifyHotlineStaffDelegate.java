package org.serviceflow.hotline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.serviceflow.notification.TaskNotices;
import org.springframework.stereotype.Component;

/**
 * Notifies the staff groups the service task names of an appeal: warnings (黄灯), supervision (督办),
 * missed first contact ({@link TaskNotices}: input parameters noticeTemplate and noticeGroups, e.g.
 * {@code ${handlingUnit}}). Staff notices never carry the citizen's name or phone.
 */
@Component
class NotifyHotlineStaffDelegate implements JavaDelegate {

  private final TaskNotices notices;

  NotifyHotlineStaffDelegate(TaskNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.toGroups(execution, HotlineVariables.of(execution).noticeParams());
  }
}
