package org.serviceflow.merge;

import java.util.List;
import java.util.Optional;
import org.serviceflow.casefile.CaseType;
import org.serviceflow.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** The processes whose contacts may be merged, and who may merge (intake staff, the lead) and split (the lead). */
@Component
class MergeableProcesses {

  private final List<MergeableProcess> processes;
  private final CurrentUser currentUser;

  MergeableProcesses(List<MergeableProcess> processes, CurrentUser currentUser) {
    this.processes = List.copyOf(processes);
    this.currentUser = currentUser;
  }

  Optional<MergeableProcess> of(CaseType type) {
    return processes.stream().filter(process -> process.type() == type).findFirst();
  }

  /** The caller's id when they take in contacts of this process, lead it, or are camunda-admin; else 401 / 403. */
  String requireIntake(MergeableProcess process) {
    String userId = signedIn();
    List<String> groups = currentUser.groupIds();
    if (!currentUser.isAdmin() && groups.stream().noneMatch(group -> process.intakeGroups().contains(group)
        || group.equals(process.leadGroup()))) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "只有" + process.type().label() + "的受理人员和主管可以查找重复件、并单");
    }
    return userId;
  }

  /** The caller's id when they lead this process or are camunda-admin; else 401 / 403. */
  String requireLead(MergeableProcess process) {
    String userId = signedIn();
    if (!currentUser.isAdmin() && !currentUser.groupIds().contains(process.leadGroup())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "只有" + process.type().label() + "主管（" + process.leadGroup() + "）可以拆单");
    }
    return userId;
  }

  private String signedIn() {
    return currentUser.id().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录"));
  }
}
