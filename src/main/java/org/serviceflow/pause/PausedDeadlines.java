package org.serviceflow.pause;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.serviceflow.calendar.WorkingDayCalendar;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.casefile.CaseView;
import org.springframework.stereotype.Component;

/**
 * Stops and restarts a case's deadlines around a pause that stops the clock: at the start its timer jobs are
 * suspended; at the end they run again, and every timer, open task due / follow-up date and open case-file
 * deadline after the pause's start moves later by the paused working time.
 */
@Component
class PausedDeadlines {

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ManagementService managementService;
  private final TaskService taskService;
  private final CaseFileService caseFiles;
  private final WorkingDayCalendar calendar;
  private final PausedWorkingTime pausedWorkingTime;

  PausedDeadlines(ManagementService managementService, TaskService taskService, CaseFileService caseFiles,
      WorkingDayCalendar calendar, PausedWorkingTime pausedWorkingTime) {
    this.pausedWorkingTime = pausedWorkingTime;
    this.managementService = managementService;
    this.taskService = taskService;
    this.caseFiles = caseFiles;
    this.calendar = calendar;
  }

  void stop(String processInstanceId) {
    managementService.updateJobSuspensionState().byProcessInstanceId(processInstanceId).suspend();
  }

  /** Runs the timers again and moves every deadline after {@code pausedAt} by {@code paused}; returns what moved. */
  List<String> resume(CaseView serviceCase, Instant pausedAt, Duration paused) {
    String processInstanceId = serviceCase.processInstanceId();
    List<String> moved = new ArrayList<>();
    for (Job timer : managementService.createJobQuery().processInstanceId(processInstanceId).timers().list()) {
      Date due = shifted(timer.getDuedate(), pausedAt, paused);
      if (due != null) {
        managementService.setJobDuedate(timer.getId(), due);
      }
    }
    managementService.updateJobSuspensionState().byProcessInstanceId(processInstanceId).activate();
    for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId).list()) {
      Date due = shifted(task.getDueDate(), pausedAt, paused);
      Date followUp = shifted(task.getFollowUpDate(), pausedAt, paused);
      if (due != null || followUp != null) {
        if (due != null) {
          moved.add(task.getName() + " " + shown(task.getDueDate()) + " → " + shown(due));
          task.setDueDate(due);
        }
        if (followUp != null) {
          task.setFollowUpDate(followUp);
        }
        taskService.saveTask(task);
      }
    }
    for (CaseView.Deadline deadline : serviceCase.deadlines()) {
      Date due = date(deadline.dueAt());
      Date movedDue = shifted(due, pausedAt, paused);
      if (deadline.metAt() == null && movedDue != null) {
        Date warning = date(deadline.warningAt());
        Date movedWarning = shifted(warning, pausedAt, paused);
        caseFiles.setDeadline(serviceCase.caseNumber(), deadline.kind(), movedDue,
            movedWarning != null ? movedWarning : warning);
      }
    }
    return moved;
  }

  private Date shifted(Date at, Instant pausedAt, Duration paused) {
    return pausedWorkingTime.shifted(at, pausedAt, paused);
  }

  private static Date date(java.time.OffsetDateTime at) {
    return at == null ? null : Date.from(at.toInstant());
  }

  private String shown(Date at) {
    return SHOWN.format(at.toInstant().atZone(calendar.zone()));
  }
}
