package org.serviceflow.identity;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates every group of the {@link StaffGroup} catalogue that is missing; corrects changed names. */
class StaffGroupSetup {

  private static final Logger LOG = LoggerFactory.getLogger(StaffGroupSetup.class);

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

  /**
   * With a read-only directory (profile ldap) the groups are the directory's: logs the catalogue groups it
   * lacks, whose tasks nobody would see. Returns their ids.
   */
  List<String> warnAboutMissingGroups() {
    Set<String> present = new LinkedHashSet<>();
    identityService.createGroupQuery().list().forEach(group -> present.add(group.getId()));
    List<String> missing = Arrays.stream(StaffGroup.values()).map(StaffGroup::id)
        .filter(id -> !present.contains(id)).toList();
    if (!missing.isEmpty()) {
      LOG.warn("The directory has no group with the id of these ServiceFlow groups, so nobody sees their tasks: {}",
          missing);
    }
    return missing;
  }

  /**
   * The groups that work in Tasklist: the catalogue's staff groups plus every handling unit
   * ({@code unit-*}) added later in Admin, so a new unit gets Tasklist and the filters at the next start.
   */
  List<String> tasklistGroupIds() {
    Set<String> ids = new LinkedHashSet<>();
    for (StaffGroup group : StaffGroup.values()) {
      if (group.worksInTasklist()) {
        ids.add(group.id());
      }
    }
    identityService.createGroupQuery().list().stream().map(Group::getId)
        .filter(id -> id.startsWith(StaffGroup.UNIT_PREFIX) || id.startsWith(StaffGroup.TECHNICIAN_GROUP_PREFIX))
        .forEach(ids::add);
    return List.copyOf(ids);
  }
}
