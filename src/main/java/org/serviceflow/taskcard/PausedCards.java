package org.serviceflow.taskcard;

import java.util.Objects;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.casefile.CaseView;
import org.serviceflow.pause.CasePauseChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On 挂起 and 恢复 (in their transaction), the open tasks of the case get their card's pause line written again,
 * so that Tasklist shows the badge 已挂起 from the task list itself, with no request per card.
 */
@Component
class PausedCards {

  private final CaseFileService caseFiles;
  private final TaskCards cards;
  private final TaskService taskService;

  PausedCards(CaseFileService caseFiles, TaskCards cards, TaskService taskService) {
    this.caseFiles = caseFiles;
    this.cards = cards;
    this.taskService = taskService;
  }

  @EventListener
  void onPauseChanged(CasePauseChanged changed) {
    CaseView serviceCase = caseFiles.get(changed.caseNumber());
    // the cards' tasks: those of every instance of the case (TaskCards reads the case number from the business key)
    for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(changed.caseNumber()).list()) {
      String description = cards.withPauseOf(serviceCase, task.getDescription());
      if (!Objects.equals(description, task.getDescription())) {
        task.setDescription(description);
        taskService.saveTask(task);
      }
    }
  }
}
