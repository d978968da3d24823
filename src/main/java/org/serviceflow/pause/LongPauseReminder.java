package org.serviceflow.pause;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.serviceflow.calendar.WorkingDayCalendar;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.casefile.CaseView;
import org.serviceflow.notification.NotificationService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A pause may run {@code maxWorkdays} working days (decision casePauseTypes). After that, the case's owner
 * group gets a reminder task (挂起超时提醒, due the next working day) and a notice, once per pause; resuming
 * deletes the task. Checked every {@code serviceflow.pause.reminder-check} (15 minutes); safe on several nodes,
 * since a pause takes its reminder in one conditional update.
 */
@Component
class LongPauseReminder {

  static final String TEMPLATE = "pause.runningLong";
  static final String FALLBACK_GROUP = "customer-service-lead";
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final CasePauseRepository pauses;
  private final PauseRules rules;
  private final CaseFileService caseFiles;
  private final TaskService taskService;
  private final NotificationService notifications;
  private final WorkingDayCalendar calendar;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  LongPauseReminder(CasePauseRepository pauses, PauseRules rules, CaseFileService caseFiles, TaskService taskService,
      NotificationService notifications, WorkingDayCalendar calendar, JdbcTemplate jdbc,
      PlatformTransactionManager transactionManager) {
    this.pauses = pauses;
    this.rules = rules;
    this.caseFiles = caseFiles;
    this.taskService = taskService;
    this.notifications = notifications;
    this.calendar = calendar;
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  @Scheduled(fixedDelayString = "${serviceflow.pause.reminder-check:PT15M}", initialDelayString = "PT1M")
  void remindOfLongPauses() {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    for (CasePause pause : pauses.findByEndedAtIsNullAndReminderTaskIdIsNull()) {
      if (now.isAfter(calendar.due(pause.getStartedAt(), pause.getMaxWorkdays()))) {
        try {
          transaction.executeWithoutResult(status -> remind(pause, now));
        } catch (IllegalStateException alreadyReminded) {
          // another node took this pause's reminder first
        }
      }
    }
  }

  private void remind(CasePause pause, Instant now) {
    CaseView serviceCase = caseFiles.get(pause.getCaseNumber());
    String group = serviceCase.ownerGroup() != null ? serviceCase.ownerGroup() : FALLBACK_GROUP;
    Task task = taskService.newTask();
    task.setName("挂起超时提醒：" + pause.getCaseNumber());
    task.setDescription("工单 " + pause.getCaseNumber() + " 自 " + shown(pause.getStartedAt()) + " 挂起（" + pause.getReason()
        + "），已超过 " + pause.getMaxWorkdays() + " 个工作日。请联系相关方并恢复办理。");
    task.setDueDate(Date.from(calendar.due(now, 1)));
    task.setPriority(70);
    taskService.saveTask(task);
    taskService.addCandidateGroup(task.getId(), group);
    int taken = jdbc.update("update case_pause set reminder_task_id = ? where id = ? and reminder_task_id is null",
        task.getId(), pause.getId());
    if (taken == 0) {
      throw new IllegalStateException("another node reminded of the pause of " + pause.getCaseNumber());
    }
    notifications.toGroup(pause.getCaseNumber(), group, TEMPLATE, Map.of(
        "pauseLabel", rules.find(serviceCase.processKey(), pause.getPauseType()).map(PauseRule::label)
            .orElse(pause.getPauseType()), "startedAt", shown(pause.getStartedAt()),
        "maxWorkdays", String.valueOf(pause.getMaxWorkdays()), "reason", pause.getReason()));
  }

  private String shown(Instant at) {
    return SHOWN.format(at.atZone(calendar.zone()));
  }
}
