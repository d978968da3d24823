package org.serviceflow.processchange;

import java.util.Arrays;
import java.util.List;

/** The group ids a camunda:candidateGroups attribute names literally; expressions (${handlingGroup}) are left out. */
final class CandidateGroups {

  private CandidateGroups() {
  }

  static List<String> named(String candidateGroups) {
    if (candidateGroups == null) {
      return List.of();
    }
    return Arrays.stream(candidateGroups.split(",")).map(String::trim)
        .filter(id -> !id.isEmpty() && !id.contains("{") && !id.contains("}"))
        .toList();
  }
}
