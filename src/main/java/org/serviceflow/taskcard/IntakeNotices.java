package org.serviceflow.taskcard;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.serviceflow.calendar.WorkingDayCalendar;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.casefile.CaseView;
import org.springframework.stereotype.Component;

/**
 * What the person who started a case from Tasklist is told right after the start: the case number and the first
 * deadline still running (e.g. the first response of a complaint) or, while the case file has none yet (a 12345
 * appeal's limits run from its dispatch), the earliest due date of the case's open tasks (the triage), as
 * {@link IntakeNoticeResource} answers it to
 * scripts/serviceflow-cases.js. Only the case's owner — the intake clerk or applicant (首问负责) — is told; for
 * anyone else, and for an unknown number, there is nothing.
 */
@Component
class IntakeNotices {

  static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final CaseFileService caseFiles;
  private final TaskService taskService;
  private final ZoneId zone;

  IntakeNotices(CaseFileService caseFiles, TaskService taskService, WorkingDayCalendar calendar) {
    this.caseFiles = caseFiles;
    this.taskService = taskService;
    this.zone = calendar.zone();
  }

  /** {@code caseNumber}, and {@code dueAt} ("2026-12-10 17:30", calendar zone) when a deadline is running. */
  Optional<Map<String, Object>> forOwner(String caseNumber, String userId) {
    if (caseNumber == null || userId == null || !caseFiles.exists(caseNumber)) {
      return Optional.empty();
    }
    CaseView view = caseFiles.get(caseNumber);
    if (!userId.equals(view.ownerUser())) {
      return Optional.empty();
    }
    Map<String, Object> notice = new LinkedHashMap<>();
    notice.put("caseNumber", view.caseNumber());
    view.deadlines().stream()
        .filter(deadline -> deadline.metAt() == null && deadline.dueAt() != null)
        .findFirst()
        .map(deadline -> SHOWN.format(deadline.dueAt()))
        .or(() -> firstTaskDue(caseNumber))
        .ifPresent(dueAt -> notice.put("dueAt", dueAt));
    return Optional.of(notice);
  }

  private Optional<String> firstTaskDue(String caseNumber) {
    return taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).dueAfter(new java.util.Date(0))
        .orderByDueDate().asc().listPage(0, 1).stream().findFirst()
        .map(Task::getDueDate).map(due -> SHOWN.format(due.toInstant().atZone(zone)));
  }
}
