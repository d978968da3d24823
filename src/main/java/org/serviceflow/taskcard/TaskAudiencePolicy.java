package org.serviceflow.taskcard;

import java.util.List;
import java.util.Set;
import org.serviceflow.casefile.CaseView;

/**
 * What of a case file a task's card may show to everyone the task is offered to. A process with confidential data
 * (the 12345 hotline's reporters) provides one; the task card applies every policy before it writes the case's
 * customer into the task's description, which every candidate of the task can read in Tasklist.
 */
public interface TaskAudiencePolicy {

  /**
   * The view as every member of the audience may see it: the same view, or a masked copy.
   *
   * @param audience one entry per candidate of the task — a candidate group alone, or the groups of a candidate
   *     user or of the assignee; empty when the task is offered to nobody yet (a policy should then mask)
   */
  CaseView visibleToAll(CaseView view, List<Set<String>> audience);
}
