package org.serviceflow.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

/** Creates every group of the {@link StaffGroup} catalogue that is missing; corrects changed names. */
class StaffGroupSetup {

  private final IdentityService identityService;

  StaffGroupSetup(IdentityService identityService) {
    this.identityService = identityService;
  }

  void ensureGroups() {
    for (StaffGroup staffGroup : StaffGroup.values()) {
      Group group = identityService.createGroupQuery().groupId(staffGroup.id()).singleResult();
      if (group == null) {
        group = identityService.newGroup(staffGroup.id());
      } else if (staffGroup.chineseName().equals(group.getName())
          && StaffGroup.GROUP_TYPE.equals(group.getType())) {
        continue;
      }
      group.setName(staffGroup.chineseName());
      group.setType(StaffGroup.GROUP_TYPE);
      identityService.saveGroup(group);
    }
  }
}
