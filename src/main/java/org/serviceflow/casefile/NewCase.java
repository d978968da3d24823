package org.serviceflow.casefile;

import java.time.Instant;

/** What an intake knows when it opens a case file. {@code ownerUser} is the intake clerk (首问负责). */
public record NewCase(
    CaseType type,
    String processInstanceId,
    String customerName,
    String customerPhone,
    String customerEmail,
    String channel,
    String category,
    String severity,
    String ownerGroup,
    String ownerUser,
    Instant openedAt) {
}
