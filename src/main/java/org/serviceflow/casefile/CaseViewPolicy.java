package org.serviceflow.casefile;

/**
 * What of a case file the signed-in caller may see. A process with confidential data (the 12345
 * hotline's reporters) provides one; the case file API applies every policy before answering.
 */
public interface CaseViewPolicy {

  /**
   * The view as the current caller may see it: the same view, or a masked copy. A policy that does not let the
   * caller see the case at all throws {@link org.camunda.bpm.engine.AuthorizationException} (403), which also
   * refuses the case's timeline.
   */
  CaseView visibleTo(CaseView view);
}
