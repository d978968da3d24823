package org.serviceflow.recalculation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.casefile.CaseView;
import org.serviceflow.pause.PausedWorkingTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recalculation of running deadlines after the holiday data changed (docs/calendar.md): the dry run lists every
 * process variable a delegate counted with the calendar ({@link CountedDeadlines}), timer, task due / follow-up date
 * and case-file deadline whose instant the current data moves; applying moves them, one transaction and one
 * timeline entry per case. Timers and tasks that read a moved variable move with it; a case-file deadline moves with
 * the variable, timer or task it was stored from (the same instant). Applying twice changes nothing the second time.
 */
@Service
public class DeadlineRecalculation {

  static final String TIMELINE_ACTION = "期限重算";
  private static final Logger log = LoggerFactory.getLogger(DeadlineRecalculation.class);
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ProcessEngineConfigurationImpl engine;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final TaskService taskService;
  private final CaseFileService caseFiles;
  private final CountedDeadlines counted;
  private final PausedWorkingTime pausedWorkingTime;
  private final TransactionTemplate transaction;
  private final ZoneId zone;

  DeadlineRecalculation(ProcessEngineConfigurationImpl engine, CaseFileService caseFiles, CountedDeadlines counted,
      PausedWorkingTime pausedWorkingTime, PlatformTransactionManager transactionManager, @Value("${serviceflow.calendar.zone:Asia/Shanghai}") ZoneId zone) {
    this.engine = engine;
    this.runtimeService = engine.getRuntimeService();
    this.managementService = engine.getManagementService();
    this.taskService = engine.getTaskService();
    this.caseFiles = caseFiles;
    this.counted = counted;
    this.pausedWorkingTime = pausedWorkingTime;
    this.transaction = new TransactionTemplate(transactionManager);
    this.zone = zone;
  }

  /** Every running deadline that the current holiday data moves; nothing is changed. */
  public List<DeadlineChange> dryRun() {
    List<DeadlineChange> changes = new ArrayList<>();
    runningCases().forEach((caseNumber, instances) ->
        changes.addAll(transaction.execute(status -> changesOf(caseNumber, instances))));
    return changes;
  }

  /** Moves every deadline the dry run lists, case by case; returns what moved. */
  public List<DeadlineChange> apply(String actor) {
    List<DeadlineChange> applied = new ArrayList<>();
    runningCases().forEach((caseNumber, instances) -> applied.addAll(transaction.execute(status -> {
      List<DeadlineChange> changes = changesOf(caseNumber, instances);
      changes.forEach(this::move);
      if (!changes.isEmpty()) {
        caseFiles.record(caseNumber, actor, TIMELINE_ACTION, summary(changes));
      }
      return changes;
    })));
    if (!applied.isEmpty()) {
      log.info("Deadline recalculation by {}: {} deadlines moved in {} cases", actor, applied.size(),
          applied.stream().map(DeadlineChange::caseNumber).distinct().count());
    }
    return applied;
  }

  /** The running process instances by case: a case's called instances (e.g. 12345 协办) share its number. */
  private Map<String, List<ProcessInstance>> runningCases() {
    return runtimeService.createProcessInstanceQuery().orderByProcessInstanceId().asc().list().stream()
        .filter(instance -> instance.getBusinessKey() != null && caseFiles.exists(instance.getBusinessKey()))
        .collect(Collectors.groupingBy(ProcessInstance::getBusinessKey, LinkedHashMap::new, Collectors.toList()));
  }

  private List<DeadlineChange> changesOf(String caseNumber, List<ProcessInstance> instances) {
    List<DeadlineChange> changes = new ArrayList<>();
    Map<Instant, Instant> moved = new HashMap<>();
    ProcessInstance main = instances.get(0);
    for (ProcessInstance instance : instances) {
      if (instance.getId().equals(instance.getRootProcessInstanceId())) {
        main = instance;
      }
      List<RecomputedInstant> recomputed = engine.getCommandExecutorTxRequired()
          .execute(new RecomputeRunningInstants(instance.getId(), counted));
      for (RecomputedInstant count : recomputed) {
        RecomputedInstant instant = withPauses(caseNumber, count);
        if (instant.changed()) {
          moved.putIfAbsent(instant.stored().toInstant(), instant.recomputed().toInstant());
          changes.add(change(caseNumber, instance.getId(), instant.kind(), instant.id(), instant.name(),
              instant.stored().toInstant(), instant.recomputed().toInstant()));
        }
      }
    }
    if (!moved.isEmpty()) {
      for (CaseView.Deadline deadline : caseFiles.get(caseNumber).deadlines()) {
        if (deadline.metAt() == null) {
          caseDeadlineChange(caseNumber, main, deadline.kind(), deadline.kind(), deadline.dueAt(), moved)
              .ifPresent(changes::add);
          caseDeadlineChange(caseNumber, main, deadline.kind(), deadline.kind() + "（预警）", deadline.warningAt(), moved)
              .ifPresent(changes::add);
        }
      }
    }
    return changes;
  }

  /**
   * A timer's or task's recount with the case's ended pauses applied again, as their resume moved it; a counted
   * variable is left as counted (resume never moved variables; timers and tasks reading it get the shift here).
   */
  private RecomputedInstant withPauses(String caseNumber, RecomputedInstant instant) {
    if (DeadlineChange.VARIABLE.equals(instant.kind())) {
      return instant;
    }
    return instant.recomputedAs(pausedWorkingTime.afterEndedPauses(caseNumber, instant.recomputed(), instant.createdAt()));
  }

  private java.util.Optional<DeadlineChange> caseDeadlineChange(String caseNumber, ProcessInstance instance, String kind,
      String name, OffsetDateTime at, Map<Instant, Instant> moved) {
    if (at == null || !moved.containsKey(at.toInstant())) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(change(caseNumber, instance.getId(), DeadlineChange.CASE_DEADLINE, kind, name,
        at.toInstant(), moved.get(at.toInstant())));
  }

  private DeadlineChange change(String caseNumber, String processInstanceId, String kind, String id, String name,
      Instant oldAt, Instant newAt) {
    return new DeadlineChange(caseNumber, processInstanceId, kind, id, name, oldAt.atZone(zone).toOffsetDateTime(),
        newAt.atZone(zone).toOffsetDateTime(), newAt.isBefore(ClockUtil.getCurrentTime().toInstant()));
  }

  private void move(DeadlineChange change) {
    Date newAt = Date.from(change.newAt().toInstant());
    switch (change.kind()) {
      case DeadlineChange.VARIABLE -> {
        String recordingName = change.id() + CountedDeadlines.SUFFIX;
        CountedDeadlines.read(runtimeService.getVariableLocal(change.processInstanceId(), recordingName),
            runtimeService.getVariableLocal(change.processInstanceId(), change.id())).ifPresent(recording -> {
              runtimeService.setVariableLocal(change.processInstanceId(), change.id(), newAt);
              runtimeService.setVariableLocal(change.processInstanceId(), recordingName,
                  CountedDeadlines.write(recording.at(newAt)));
            });
      }
      case DeadlineChange.TIMER -> managementService.setJobDuedate(change.id(), newAt);
      case DeadlineChange.TASK_DUE, DeadlineChange.TASK_FOLLOW_UP -> {
        Task task = taskService.createTaskQuery().taskId(change.id()).singleResult();
        if (DeadlineChange.TASK_DUE.equals(change.kind())) {
          task.setDueDate(newAt);
        } else {
          task.setFollowUpDate(newAt);
        }
        taskService.saveTask(task);
      }
      case DeadlineChange.CASE_DEADLINE -> {
        CaseView.Deadline deadline = caseFiles.get(change.caseNumber()).deadlines().stream()
            .filter(d -> d.kind().equals(change.id())).findFirst().orElseThrow();
        Date due = date(deadline.dueAt());
        Date warning = date(deadline.warningAt());
        if (deadline.dueAt() != null && deadline.dueAt().toInstant().equals(change.oldAt().toInstant())) {
          due = newAt;
        } else {
          warning = newAt;
        }
        caseFiles.setDeadline(change.caseNumber(), change.id(), due, warning);
      }
      default -> throw new IllegalStateException("unknown deadline kind " + change.kind());
    }
  }

  private static Date date(OffsetDateTime at) {
    return at == null ? null : Date.from(at.toInstant());
  }

  private static String summary(List<DeadlineChange> changes) {
    return "节假日数据变更后重算期限：" + changes.stream()
        .map(change -> change.name() + " " + SHOWN.format(change.oldAt()) + " → " + SHOWN.format(change.newAt()))
        .distinct().collect(Collectors.joining("；"));
  }
}
