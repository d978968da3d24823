package org.serviceflow.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Facts about a case that every process marks the same way, as Boolean process variables on the process
 * instance, so that Tasklist filters (督办中, 已延期) find the tasks of such cases whatever the process.
 */
public final class CaseFlags {

  /** Boolean: the case is under supervision (12345 红灯督办, a complaint flagged for review at its hard limit). */
  public static final String SUPERVISED = "supervised";

  /** Boolean: the case's deadline was extended (12345: the one approved extension). */
  public static final String EXTENDED = "extended";

  private CaseFlags() {
  }

  /** Marks the case of this execution as under supervision; it stays so until the case ends. */
  public static void markSupervised(DelegateExecution execution) {
    execution.getProcessInstance().setVariable(SUPERVISED, true);
  }
}
