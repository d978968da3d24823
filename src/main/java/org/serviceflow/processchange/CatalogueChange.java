package org.serviceflow.processchange;

import java.time.Instant;

/** An approved change as the catalogue keeps it: filed after approval, completed when it goes live. */
public record CatalogueChange(
    String caseNumber,
    String processKey,
    String changeType,
    String versionTag,
    Instant filedAt,
    Instant effectiveAt,
    String deploymentId,
    String versions) {
}
