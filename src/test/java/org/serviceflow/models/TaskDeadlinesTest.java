package org.serviceflow.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No task waits forever unseen (issue 12, PROCESSES.md "Deadlines everywhere"): every user task has a
 * camunda:dueDate, and a timer boundary event on the task, or on a subprocess around it, fires at the
 * same expression; a camunda:followUpDate (the warning) has its timer too. So Tasklist shows the instant
 * at which the escalation fires.
 */
class TaskDeadlinesTest {

  static Stream<Path> bpmnFiles() {
    return ModelFiles.bpmnFiles().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnFiles")
  void shouldGiveEveryUserTaskADueDateWithItsTimer(Path file) {
    assertThat(problems(Bpmn.readModelFromFile(file.toFile()))).as("task deadlines in %s", file).isEmpty();
  }

  @Test
  void shouldReportATaskWithoutDueDateAndDatesWithoutTimers() {
    BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("src/test/resources/models/deadline-gaps.xml").toFile());

    assertThat(problems(model)).containsExactlyInAnyOrder(
        "userTask Task_NoDueDate has no camunda:dueDate",
        "userTask Task_DueWithoutTimer: no timer on the task or an enclosing subprocess fires at its camunda:dueDate "
            + "${deadlines.workdaysFrom(receivedAt, 3)}",
        "userTask Task_OtherTimer: no timer on the task or an enclosing subprocess fires at its camunda:dueDate "
            + "${deadlines.workdaysFrom(receivedAt, 5)}",
        "userTask Task_FollowUpWithoutTimer: no timer on the task or an enclosing subprocess fires at its "
            + "camunda:followUpDate ${deadlines.workdaysFrom(receivedAt, 1)}");
  }

  static List<String> problems(BpmnModelInstance model) {
    List<String> problems = new ArrayList<>();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String due = task.getCamundaDueDate();
      if (due == null || due.isBlank()) {
        problems.add("userTask " + task.getId() + " has no camunda:dueDate");
        continue;
      }
      Set<String> timers = timerExpressions(model, task);
      if (!timers.contains(normalized(due))) {
        problems.add("userTask " + task.getId() + ": no timer on the task or an enclosing subprocess fires at its "
            + "camunda:dueDate " + due);
      }
      String followUp = task.getCamundaFollowUpDate();
      if (followUp != null && !followUp.isBlank() && !timers.contains(normalized(followUp))) {
        problems.add("userTask " + task.getId() + ": no timer on the task or an enclosing subprocess fires at its "
            + "camunda:followUpDate " + followUp);
      }
    }
    return problems;
  }

  /** timeDate expressions of the timer boundary events on the task and on each subprocess around it. */
  private static Set<String> timerExpressions(BpmnModelInstance model, UserTask task) {
    List<Activity> scopes = new ArrayList<>();
    scopes.add(task);
    for (ModelElementInstance parent = task.getParentElement(); parent != null; parent = parent.getParentElement()) {
      if (parent instanceof SubProcess subProcess) {
        scopes.add(subProcess);
      }
    }
    return model.getModelElementsByType(BoundaryEvent.class).stream()
        .filter(event -> scopes.contains(event.getAttachedTo()))
        .flatMap(event -> event.getEventDefinitions().stream())
        .filter(TimerEventDefinition.class::isInstance)
        .map(definition -> ((TimerEventDefinition) definition).getTimeDate())
        .filter(timeDate -> timeDate != null)
        .map(TimeDate::getTextContent)
        .map(TaskDeadlinesTest::normalized)
        .collect(Collectors.toSet());
  }

  private static String normalized(String expression) {
    return expression.replaceAll("\\s+", "");
  }
}
