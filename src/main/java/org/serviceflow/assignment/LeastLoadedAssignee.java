package org.serviceflow.assignment;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Task listener (event {@code create}) for a task the rule gives to one person: assigns the member
 * of the task's candidate group(s) with the fewest open (assigned, not completed) tasks; a tie goes
 * to the smallest user id. Without members the task stays with the group (WARN). The candidate
 * groups stay on the task, so the group still sees it. Bind with
 * {@code <camunda:taskListener event="create" delegateExpression="${leastLoadedAssignee}"/>}.
 */
@Component("leastLoadedAssignee")
class LeastLoadedAssignee implements TaskListener {

  private static final Logger LOG = LoggerFactory.getLogger(LeastLoadedAssignee.class);

  private final IdentityService identityService;
  private final TaskService taskService;

  LeastLoadedAssignee(IdentityService identityService, TaskService taskService) {
    this.identityService = identityService;
    this.taskService = taskService;
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getAssignee() != null) {
      return;
    }
    Set<String> groups = candidateGroups(task);
    // runs as whoever completed the previous step: look up members and workloads without their authorizations
    CommandContext commandContext = Context.getCommandContext();
    Optional<String> chosen = commandContext.runWithoutAuthorization(() -> leastLoadedMember(groups));
    if (chosen.isPresent()) {
      task.setAssignee(chosen.get());
      LOG.debug("Task {} ({}) assigned to {}", task.getId(), task.getTaskDefinitionKey(), chosen.get());
    } else {
      LOG.warn("Task {} ({}) left unassigned: candidate groups {} have no members", task.getId(),
          task.getTaskDefinitionKey(), groups);
    }
  }

  Optional<String> leastLoadedMember(Set<String> groups) {
    Set<String> members = new LinkedHashSet<>();
    for (String group : groups) {
      identityService.createUserQuery().memberOfGroup(group).list().stream().map(User::getId).forEach(members::add);
    }
    List<Workload> workloads = members.stream()
        .map(member -> new Workload(member, taskService.createTaskQuery().taskAssignee(member).count()))
        .toList();
    return workloads.stream()
        .min(Comparator.comparingLong(Workload::openTasks).thenComparing(Workload::userId))
        .map(Workload::userId);
  }

  private static Set<String> candidateGroups(DelegateTask task) {
    Set<String> groups = new LinkedHashSet<>();
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
    }
    return groups;
  }

  private record Workload(String userId, long openTasks) {
  }
}
