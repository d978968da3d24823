package org.serviceflow.pause;

/**
 * A case's pause began (挂起) or ended (恢复), published inside the transaction that changed it, after the case file's
 * status. Package taskcard writes the open tasks' cards again on it.
 */
public record CasePauseChanged(String caseNumber) {
}
