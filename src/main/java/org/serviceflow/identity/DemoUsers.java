package org.serviceflow.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

/**
 * Demo staff: at least one per group, password {@value #PASSWORD}, created only when
 * {@code serviceflow.identity.demo-users=true} (demo and test profiles). docs/identity.md lists them.
 */
class DemoUsers {

  static final String PASSWORD = "demo";
  static final String EMAIL_DOMAIN = "@serviceflow.local";

  /** A demo user: pinyin id, Chinese family and given name, the one group it belongs to. */
  record DemoUser(String id, String lastName, String firstName, StaffGroup group) {
  }

  static final List<DemoUser> ALL = List.of(
      new DemoUser("kefu1", "王", "芳", StaffGroup.CUSTOMER_SERVICE),
      new DemoUser("kefu2", "李", "娜", StaffGroup.CUSTOMER_SERVICE),
      new DemoUser("kefuzhuguan", "张", "伟", StaffGroup.CUSTOMER_SERVICE_LEAD),
      new DemoUser("zhiliang1", "刘", "洋", StaffGroup.QUALITY),
      new DemoUser("zhiliang2", "陈", "静", StaffGroup.QUALITY),
      new DemoUser("zhiliangzhuguan", "郑", "华", StaffGroup.QUALITY_LEAD),
      new DemoUser("jishu", "杨", "磊", StaffGroup.TECHNICAL_SERVICE),
      new DemoUser("shouhou", "赵", "强", StaffGroup.AFTER_SALES_MANAGER),
      new DemoUser("kufang", "黄", "敏", StaffGroup.WAREHOUSE),
      new DemoUser("xiaoshou", "周", "杰", StaffGroup.SALES),
      new DemoUser("renshi", "吴", "丽", StaffGroup.HR),
      new DemoUser("zongjingli", "徐", "明", StaffGroup.GENERAL_MANAGER),
      new DemoUser("qiguan", "孙", "涛", StaffGroup.ENTERPRISE_MANAGEMENT),
      new DemoUser("liuchengjingli", "马", "超", StaffGroup.PROCESS_OWNERS),
      new DemoUser("guanlidaibiao", "朱", "红", StaffGroup.MANAGEMENT_REP),
      new DemoUser("huawu", "胡", "军", StaffGroup.HOTLINE_OPERATORS),
      new DemoUser("paidan", "郭", "平", StaffGroup.HOTLINE_DISPATCHERS),
      new DemoUser("duban", "何", "勇", StaffGroup.HOTLINE_SUPERVISORS),
      new DemoUser("zhujian", "高", "峰", StaffGroup.UNIT_HOUSING),
      new DemoUser("shichang", "林", "晓", StaffGroup.UNIT_MARKET),
      new DemoUser("jiedao", "罗", "兰", StaffGroup.UNIT_STREET_A),
      new DemoUser("shenji", "梁", "雪", StaffGroup.AUDITORS));

  /** A demo technician group of 技术服务部 by skill or region (afterSalesDispatch.dmn), with its one technician. */
  record DemoTechnicianGroup(String groupId, String name, String memberId, String lastName, String firstName) {
  }

  /** Only in technician groups, not in technical-service itself: proposals there stay with its own members. */
  static final List<DemoTechnicianGroup> TECHNICIAN_GROUPS = List.of(
      new DemoTechnicianGroup("technical-service-maintenance", "技术服务部·保养组", "baoyang", "冯", "玉"),
      new DemoTechnicianGroup("technical-service-district-a", "技术服务部·A 片区", "jishua", "钱", "坤"),
      new DemoTechnicianGroup("technical-service-district-b", "技术服务部·B 片区", "jishub", "郑", "浩"));

  /**
   * Demo leads of handling units (a role within the unit, {@link UnitLeads}): group {@code <unit>-lead} with its
   * Chinese name and the demo user who leads the unit (also a member of the unit). 市场监管局 and 街道 have none, so
   * their lead notices go to the whole unit.
   */
  record DemoUnitLead(String userId, StaffGroup unit, String leadGroupName) {
  }

  static final List<DemoUnitLead> UNIT_LEADS = List.of(
      new DemoUnitLead("zhujian", StaffGroup.UNIT_HOUSING, "住建局负责人"));

  private final IdentityService identityService;

  DemoUsers(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** Creates missing demo users and memberships; never resets a password changed in Admin. */
  void ensureUsers() {
    for (DemoUser demo : ALL) {
      ensureMember(demo.id(), demo.lastName(), demo.firstName(), demo.group().id());
    }
    for (DemoTechnicianGroup demo : TECHNICIAN_GROUPS) {
      ensureGroup(demo.groupId(), demo.name());
      ensureMember(demo.memberId(), demo.lastName(), demo.firstName(), demo.groupId());
    }
    for (DemoUnitLead lead : UNIT_LEADS) {
      String groupId = UnitLeads.leadGroupOf(lead.unit().id());
      ensureGroup(groupId, lead.leadGroupName());
      if (identityService.createGroupQuery().groupId(groupId).groupMember(lead.userId()).count() == 0) {
        identityService.createMembership(lead.userId(), groupId);
      }
    }
  }

  private void ensureGroup(String groupId, String name) {
    if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
      Group group = identityService.newGroup(groupId);
      group.setName(name);
      group.setType(StaffGroup.GROUP_TYPE);
      identityService.saveGroup(group);
    }
  }

  private void ensureMember(String userId, String lastName, String firstName, String groupId) {
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      User user = identityService.newUser(userId);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(userId + EMAIL_DOMAIN);
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
    }
    if (identityService.createGroupQuery().groupId(groupId).groupMember(userId).count() == 0) {
      identityService.createMembership(userId, groupId);
    }
  }
}
