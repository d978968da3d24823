package org.serviceflow.processchange;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.serviceflow.notification.TaskNotices;
import org.springframework.stereotype.Component;

/**
 * Documents of other processes that an approved change affects (PROCESSES.md C.5: "Affected documents of other
 * processes are changed through their own approval, a call activity of this same process"). 企管部 names those
 * processes when filing (Task_FileChange, {@code affectedProcesses}); the event subprocess 关联文件变更审批 of
 * processChange.bpmn then starts one approval per process. Used as {@code ${affectedDocuments}} in the model.
 */
@Component("affectedDocuments")
public class AffectedDocuments {

  /** The checklist of Task_FileChange (a JSON array, a list or "a, b"). */
  public static final String AFFECTED_PROCESSES = "affectedProcesses";

  private final ProcessCatalogue catalogue;

  AffectedDocuments(ProcessCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** The named processes, each once, without the change's own process. */
  public List<String> keys(DelegateExecution execution) {
    String own = ProcessChangeVariables.of(execution).targetProcessKey();
    List<String> keys = new ArrayList<>();
    for (String key : TaskNotices.groupIds(execution.getVariable(AFFECTED_PROCESSES))) {
      String stripped = key.strip();
      if (!stripped.isEmpty() && !stripped.equals(own) && !keys.contains(stripped)) {
        keys.add(stripped);
      }
    }
    return keys;
  }

  /** The process's name in the catalogue, else its key. */
  public String name(String processKey) {
    return catalogue.find(processKey).map(CatalogueEntry::name).filter(name -> name != null && !name.isBlank())
        .orElse(processKey);
  }

  /** The process's owner group in the catalogue, else the given one (the group of the change that affects it). */
  public String ownerGroup(String processKey, String fallback) {
    return catalogue.find(processKey).map(CatalogueEntry::ownerGroup).filter(group -> group != null && !group.isBlank())
        .orElse(fallback);
  }

  /** No training groups of their own: the affected documents' approval names them if needed. */
  public List<String> noGroups() {
    return new ArrayList<>();
  }
}
