package org.serviceflow.pause;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.casefile.CaseView;
import org.serviceflow.web.BadRequestException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Pausing and resuming a case's clock (挂起 / 恢复), each in one transaction with its timeline entry. The
 * process's allowed types, their party and whether they stop the clock come from decision casePauseTypes.
 */
@Service
class CasePauses {

  static final String STATUS_PAUSED = RunningPauses.STATUS_PAUSED;
  static final String ACTION_PAUSED = "挂起";
  static final String ACTION_RESUMED = "恢复";

  private final CasePauseRepository pauses;
  private final PauseRules rules;
  private final PausedDeadlines deadlines;
  private final CaseFileService caseFiles;
  private final TaskService taskService;
  private final PausedWorkingTime pausedWorkingTime;
  private final ApplicationEventPublisher events;

  CasePauses(CasePauseRepository pauses, PauseRules rules, PausedDeadlines deadlines, CaseFileService caseFiles,
      TaskService taskService, PausedWorkingTime pausedWorkingTime, ApplicationEventPublisher events) {
    this.pausedWorkingTime = pausedWorkingTime;
    this.events = events;
    this.pauses = pauses;
    this.rules = rules;
    this.deadlines = deadlines;
    this.caseFiles = caseFiles;
    this.taskService = taskService;
  }

  @Transactional
  CasePause pause(String caseNumber, String pauseType, String reason, String actor) {
    CaseView serviceCase = openCase(caseNumber);
    if (pauses.findByCaseNumberAndEndedAtIsNull(caseNumber).isPresent()) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "案件 " + caseNumber + " 已在挂起中，请先恢复");
    }
    PauseRule rule = rules.find(serviceCase.processKey(), pauseType).orElseThrow(() -> new BadRequestException("type",
        "流程“" + serviceCase.processLabel() + "”不允许挂起类型 " + pauseType + "（见决策表 casePauseTypes）"));
    Instant now = ClockUtil.getCurrentTime().toInstant();
    CasePause pause = pauses.save(new CasePause(caseNumber, pauseType, rule, reason.strip(), serviceCase.status(), now, actor));
    if (rule.stopsClock()) {
      deadlines.stop(serviceCase.processInstanceId());
    }
    caseFiles.updateStatus(caseNumber, STATUS_PAUSED);
    events.publishEvent(new CasePauseChanged(caseNumber));
    caseFiles.record(caseNumber, actor, ACTION_PAUSED, rule.label() + "，计入" + rule.partyLabel() + "，"
        + (rule.stopsClock() ? "期限暂停计时" : "期限照常计时") + "；原因：" + pause.getReason());
    return pause;
  }

  @Transactional
  CasePause resume(String caseNumber, String actor) {
    CaseView serviceCase = openCase(caseNumber);
    CasePause pause = pauses.findByCaseNumberAndEndedAtIsNull(caseNumber).orElseThrow(
        () -> new ResponseStatusException(HttpStatus.CONFLICT, "案件 " + caseNumber + " 没有挂起，无需恢复"));
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Duration paused = pausedWorkingTime.between(pause.getStartedAt(), now);
    pause.end(now, actor, paused);
    String outcome = "挂起 " + hours(paused) + "（工作时间），计入" + PauseRule.partyLabel(pause.getParty());
    if (pause.isStopsClock()) {
      List<String> moved = deadlines.resume(serviceCase, pause.getStartedAt(), paused);
      outcome += moved.isEmpty() ? "；期限不变" : "；期限顺延：" + String.join("；", moved);
    }
    if (pause.getReminderTaskId() != null && taskService.createTaskQuery().taskId(pause.getReminderTaskId()).count() > 0) {
      taskService.deleteTask(pause.getReminderTaskId(), "挂起已恢复");
    }
    caseFiles.updateStatus(caseNumber, pause.getStatusBefore() != null ? pause.getStatusBefore() : CaseFileService.STATUS_OPENED);
    events.publishEvent(new CasePauseChanged(caseNumber));
    caseFiles.record(caseNumber, actor, ACTION_RESUMED, outcome);
    return pause;
  }

  List<CasePause> of(String caseNumber) {
    openOrClosedCase(caseNumber);
    return pauses.findByCaseNumberOrderByStartedAtAsc(caseNumber);
  }

  private CaseView openCase(String caseNumber) {
    CaseView serviceCase = openOrClosedCase(caseNumber);
    if (serviceCase.closedAt() != null || serviceCase.processInstanceId() == null) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "案件 " + caseNumber + " 已结案，不能挂起或恢复");
    }
    return serviceCase;
  }

  private CaseView openOrClosedCase(String caseNumber) {
    return caseFiles.get(caseNumber);
  }

  static String hours(Duration duration) {
    long minutes = duration.toMinutes();
    return minutes % 60 == 0 ? (minutes / 60) + " 小时" : (minutes / 60) + " 小时 " + (minutes % 60) + " 分钟";
  }
}
