package org.serviceflow.processchange;

import java.time.Instant;

/**
 * One line of the process catalogue (流程清单, PROCESSES.md C.5): the process, its level and category, its
 * owner group, the engine version that new cases start on, and the approval case of its last change.
 */
public record CatalogueEntry(
    String processKey,
    String name,
    Integer level,
    String category,
    String ownerGroup,
    Integer currentVersion,
    String versionTag,
    String deploymentId,
    String lastChangeCase,
    String status,
    Instant updatedAt) {

  public static final String ACTIVE = "active";
  public static final String RETIRED = "retired";
}
