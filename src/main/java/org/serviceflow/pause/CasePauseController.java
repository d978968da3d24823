package org.serviceflow.pause;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.casefile.CaseReadAccess;
import org.serviceflow.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/cases/{caseNumber}/pauses}: list, pause (挂起) and resume (恢复) a case's clock. The list, and the
 * types its process allows ({@code /types}), are for whoever may read the case file; pausing and resuming for staff who hold or may claim an open task of the case,
 * and for camunda-admin.
 */
@RestController
@RequestMapping("/api/cases/{caseNumber}/pauses")
class CasePauseController {

  private final CasePauses pauses;
  private final PauseRules rules;
  private final CaseFileService caseFiles;
  private final CaseReadAccess readAccess;
  private final TaskService taskService;
  private final CurrentUser currentUser;
  private final ZoneId zone;

  CasePauseController(CasePauses pauses, PauseRules rules, CaseFileService caseFiles, CaseReadAccess readAccess, TaskService taskService, CurrentUser currentUser,
      org.serviceflow.calendar.WorkingDayCalendar calendar) {
    this.pauses = pauses;
    this.rules = rules;
    this.caseFiles = caseFiles;
    this.readAccess = readAccess;
    this.taskService = taskService;
    this.currentUser = currentUser;
    this.zone = calendar.zone();
  }

  /**
   * @param type   a pause type the process allows (decision casePauseTypes), e.g. customer-information
   * @param reason why the case waits, for the timeline
   */
  record PauseRequest(@NotBlank(message = "请填写挂起类型") String type,
      @NotBlank(message = "请填写挂起原因") @Size(max = 500, message = "原因最多 500 字") String reason) {
  }

  /** @param label the type's Chinese name (decision casePauseTypes; the key itself if the table no longer lists it) */
  record PauseView(String type, String label, String party, boolean stopsClock, int maxWorkdays, String reason,
      OffsetDateTime startedAt, String startedBy, OffsetDateTime endedAt, String endedBy, String pausedWorkingTime) {
  }

  @GetMapping
  List<PauseView> list(@PathVariable String caseNumber) {
    String processKey = readAccess.visible(caseNumber).processKey();
    return currentUser.asSystem(() -> pauses.of(caseNumber).stream().map(pause -> view(pause, processKey)).toList());
  }

  /**
   * A pause type the case's process allows (decision casePauseTypes), for the Tasklist dialog 挂起.
   *
   * @param label      its Chinese name
   * @param partyLabel who the paused time is counted to, in Chinese (客户, 供应商, 我方)
   */
  record PauseTypeView(String type, String label, String party, String partyLabel, boolean stopsClock,
      int maxWorkdays) {
  }

  @GetMapping("/types")
  List<PauseTypeView> types(@PathVariable String caseNumber) {
    String processKey = readAccess.visible(caseNumber).processKey();
    return currentUser.asSystem(() -> rules.allowed(processKey)).stream()
        .map(allowed -> new PauseTypeView(allowed.type(), allowed.rule().label(), allowed.rule().party(),
            allowed.rule().partyLabel(), allowed.rule().stopsClock(), allowed.rule().maxWorkdays()))
        .toList();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  PauseView pause(@PathVariable String caseNumber, @Valid @RequestBody PauseRequest request) {
    String userId = requireWorker(caseNumber);
    return currentUser.asSystem(() -> view(pauses.pause(caseNumber, request.type(), request.reason(), userId),
        caseFiles.get(caseNumber).processKey()));
  }

  @PostMapping("/resume")
  PauseView resume(@PathVariable String caseNumber) {
    String userId = requireWorker(caseNumber);
    return currentUser.asSystem(() -> view(pauses.resume(caseNumber, userId), caseFiles.get(caseNumber).processKey()));
  }

  /** The caller's id when they may pause this case: an open task of theirs or of their groups, or camunda-admin. */
  private String requireWorker(String caseNumber) {
    String userId = currentUser.id()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录"));
    String processInstanceId = caseFiles.get(caseNumber).processInstanceId();
    boolean works = processInstanceId != null && taskService.createTaskQuery().processInstanceId(processInstanceId)
        .or().taskAssignee(userId).taskCandidateGroupIn(currentUser.groupIds().isEmpty() ? List.of("-")
            : currentUser.groupIds()).includeAssignedTasks().endOr().count() > 0;
    if (!works && !currentUser.isAdmin()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有办理该案件当前任务的人员或系统管理员可以挂起、恢复案件 " + caseNumber);
    }
    return userId;
  }

  private PauseView view(CasePause pause, String processKey) {
    String label = rules.label(processKey, pause.getPauseType());
    return new PauseView(pause.getPauseType(), label, pause.getParty(), pause.isStopsClock(), pause.getMaxWorkdays(),
        pause.getReason(), pause.getStartedAt().atZone(zone).toOffsetDateTime(), pause.getStartedBy(),
        pause.getEndedAt() == null ? null : pause.getEndedAt().atZone(zone).toOffsetDateTime(), pause.getEndedBy(),
        pause.getPausedWorkingSeconds() == null ? null
            : CasePauses.hours(Duration.ofSeconds(pause.getPausedWorkingSeconds())));
  }
}
