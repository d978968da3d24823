package org.serviceflow.taskcard;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.IdentityLink;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.casefile.CaseType;
import org.serviceflow.casefile.CaseView;
import org.serviceflow.pause.RunningPauses;
import org.serviceflow.priority.ServedFirst;
import org.springframework.stereotype.Component;

/**
 * The case line of a task's card: {@code TS2612000123 · 客户：张三}, the first line of the task's description, which
 * Tasklist's task list shows (scripts/serviceflow-cases.js) with a link to the case page {@code /cases/{number}}.
 * A task served first ({@link ServedFirst#REASON}, written by package priority before the card) has its reason on the
 * second line, {@code 优先处理：A类客户}, which the card shows as a badge; a task of a paused case has the line
 * {@code 挂起中：客户原因，自 2026-12-07 10:00} after it (badge 已挂起; written again on every 挂起 and 恢复,
 * {@link PausedCards}). The model's documentation of the task follows
 * after a blank line. The customer is shown as every candidate of
 * the task may see it ({@link TaskAudiencePolicy}): a confidential 12345 reporter offered to a unit reads
 * "（保密）". The card is written again when the task is assigned (转办, 委派), for the new audience. A task of a
 * process instance without case file keeps its description.
 */
@Component
class TaskCards {

  /** The engine's column for a task description. */
  static final int DESCRIPTION_LENGTH = 4000;
  static final String SEPARATOR = " · ";
  static final String NO_NAME = "（未留姓名）";
  /** Starts the second line of a task served first: {@code 优先处理：A类客户}. */
  static final String SERVED_FIRST = "优先处理：";
  /** Starts the line of a task of a paused case: {@code 挂起中：客户原因，自 2026-12-07 10:00}. */
  static final String PAUSED = "挂起中：";

  private final CaseFileService caseFiles;
  private final List<TaskAudiencePolicy> policies;
  private final RunningPauses pauses;

  TaskCards(CaseFileService caseFiles, List<TaskAudiencePolicy> policies, RunningPauses pauses) {
    this.caseFiles = caseFiles;
    this.policies = policies;
    this.pauses = pauses;
  }

  void describe(DelegateTask task) {
    String caseNumber = task.getExecution().getProcessBusinessKey();
    if (caseNumber == null || !caseFiles.exists(caseNumber)) {
      return;
    }
    CaseView view = caseFiles.get(caseNumber);
    List<Set<String>> audience = audience(task);
    for (TaskAudiencePolicy policy : policies) {
      view = policy.visibleToAll(view, audience);
    }
    String reason = task.getVariableLocal(ServedFirst.REASON) instanceof String text ? text : null;
    task.setDescription(description(view, reason, pauses.cardText(view).orElse(null),
        documentation(caseNumber, task.getDescription())));
  }

  /** The pause line of the case as it is now, for a description written before: the running pause, or none. */
  String withPauseOf(CaseView view, String description) {
    return withPause(description, view.caseNumber(), pauses.cardText(view).orElse(null));
  }

  /** The description with its pause line replaced (paused text) or taken out (null); not a case card: unchanged. */
  static String withPause(String description, String caseNumber, String paused) {
    if (description == null || !description.startsWith(caseNumber + SEPARATOR)) {
      return description;
    }
    int end = description.indexOf("\n\n");
    String header = end < 0 ? description : description.substring(0, end);
    List<String> lines = new ArrayList<>(header.lines().filter(line -> !line.startsWith(PAUSED)).toList());
    if (paused != null && !paused.isBlank()) {
      lines.add(PAUSED + paused.strip());
    }
    return fit(String.join("\n", lines) + (end < 0 ? "" : description.substring(end)));
  }

  /** The model's documentation in a description, without a case line written before (the task is described again). */
  static String documentation(String caseNumber, String description) {
    if (description == null || !description.startsWith(caseNumber + SEPARATOR)) {
      return description;
    }
    int end = description.indexOf("\n\n");
    return end < 0 ? null : description.substring(end + 2);
  }

  /** {@code TS2612000123 · 客户：张三}. */
  static String caseLine(CaseView view) {
    String name = view.customerName() == null || view.customerName().isBlank() ? NO_NAME : view.customerName();
    return view.caseNumber() + SEPARATOR + party(view.processType()) + "：" + name;
  }

  /** The case line, then the model's documentation of the task, cut to what the engine stores. */
  static String description(CaseView view, String documentation) {
    return description(view, null, null, documentation);
  }

  /**
   * The case line, the line {@code 优先处理：<reason>} when the task is served first (reason not empty), the line
   * {@code 挂起中：<pause>} while the case is paused, then the model's documentation of the task, cut to what the
   * engine stores.
   */
  static String description(CaseView view, String servedFirst, String paused, String documentation) {
    String card = caseLine(view);
    if (servedFirst != null && !servedFirst.isBlank()) {
      card += "\n" + SERVED_FIRST + servedFirst.strip();
    }
    if (paused != null && !paused.isBlank()) {
      card += "\n" + PAUSED + paused.strip();
    }
    return fit(documentation == null || documentation.isBlank() ? card : card + "\n\n" + documentation.strip());
  }

  private static String fit(String text) {
    return text.length() <= DESCRIPTION_LENGTH ? text : text.substring(0, DESCRIPTION_LENGTH - 1) + "…";
  }

  /** Who the case is for, as staff of each process call them. */
  static String party(CaseType type) {
    return switch (type) {
      case COMPLAINT, AFTER_SALES -> "客户";
      case HOTLINE -> "诉求人";
      case PROCESS_CHANGE -> "申请人";
    };
  }

  /** One entry per candidate group, candidate user and assignee: the groups that candidate stands for. */
  private static List<Set<String>> audience(DelegateTask task) {
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    List<Set<String>> audience = new ArrayList<>();
    for (IdentityLink candidate : task.getCandidates()) {
      if (candidate.getGroupId() != null) {
        audience.add(Set.of(candidate.getGroupId()));
      } else if (candidate.getUserId() != null) {
        audience.add(groupsOf(identity, candidate.getUserId()));
      }
    }
    if (task.getAssignee() != null) {
      audience.add(groupsOf(identity, task.getAssignee()));
    }
    return audience;
  }

  // the card is written for every candidate, whoever's action created the task: memberships are read as the system
  private static Set<String> groupsOf(IdentityService identity, String userId) {
    return Context.getCommandContext().runWithoutAuthorization(() -> identity.createGroupQuery().groupMember(userId)
        .list().stream().map(Group::getId).collect(Collectors.toSet()));
  }
}
