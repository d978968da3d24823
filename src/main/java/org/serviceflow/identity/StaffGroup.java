package org.serviceflow.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The catalogue of Camunda groups (PROCESSES.md "Roles"), with the Chinese names staff know
 * and the processes each group may start from Tasklist.
 *
 * <p>{@code unit-*} stands for the handling units of the 12345 hotline; a small sample set is
 * seeded here, more units are added as groups in Admin ({@code unit-} prefix).
 */
public enum StaffGroup {
  CUSTOMER_SERVICE("customer-service", "客服部", "complaint", "afterSalesService"),
  CUSTOMER_SERVICE_LEAD("customer-service-lead", "客服主管"),
  QUALITY("quality", "质量管理部"),
  QUALITY_LEAD("quality-lead", "质量管理部负责人"),
  TECHNICAL_SERVICE("technical-service", "技术服务部"),
  AFTER_SALES_MANAGER("after-sales-manager", "售后服务经理"),
  WAREHOUSE("warehouse", "库房"),
  SALES("sales", "销售中心"),
  HR("hr", "人事部"),
  GENERAL_MANAGER("general-manager", "总经理"),
  ENTERPRISE_MANAGEMENT("enterprise-management", "企管部"),
  PROCESS_OWNERS("process-owners", "流程制度经理", "processChange"),
  MANAGEMENT_REP("management-rep", "管理者代表"),
  HOTLINE_OPERATORS("hotline-operators", "12345 话务员", "hotline12345"),
  HOTLINE_DISPATCHERS("hotline-dispatchers", "12345 派单审核"),
  HOTLINE_SUPERVISORS("hotline-supervisors", "12345 督办"),
  UNIT_HOUSING("unit-housing", "住建局"),
  UNIT_MARKET("unit-market", "市场监管局"),
  UNIT_STREET_A("unit-street-a", "街道(示例)"),
  AUDITORS("auditors", "审计");

  /** Camunda group type of every group in this catalogue. */
  public static final String GROUP_TYPE = "WORKFLOW";

  /** Prefix of the groups of the 12345 handling units (承办单位). */
  public static final String UNIT_PREFIX = "unit-";

  /**
   * Prefix of the technician groups by skill or region inside 技术服务部 (e.g. technical-service-district-a), which the
   * after-sales dispatch table names; added in Admin (demo ones are seeded with the demo users).
   */
  public static final String TECHNICIAN_GROUP_PREFIX = "technical-service-";

  private final String id;
  private final String chineseName;
  private final List<String> startableProcessKeys;

  StaffGroup(String id, String chineseName, String... startableProcessKeys) {
    this.id = id;
    this.chineseName = chineseName;
    this.startableProcessKeys = List.of(startableProcessKeys);
  }

  /** The Camunda group id used in BPMN candidate groups. */
  public String id() {
    return id;
  }

  public String chineseName() {
    return chineseName;
  }

  /** The Chinese name of a group id of the catalogue; any other id (e.g. a unit added in Admin) as it is. */
  public static String chineseNameOf(String groupId) {
    for (StaffGroup group : values()) {
      if (group.id.equals(groupId)) {
        return group.chineseName;
      }
    }
    return groupId;
  }

  /** Keys of the processes this group starts (Tasklist "start process", intake API). */
  public List<String> startableProcessKeys() {
    return startableProcessKeys;
  }

  /**
   * The groups whose tasks this group oversees as department lead or supervisor (本部门全部), itself included;
   * empty for every other group. 客服主管 leads 客服部 and 质量管理部负责人 leads 质量管理部 (the {@code X-lead}
   * convention of the collaboration rules); 12345 督办 oversees the 12345 centre (话务员, 派单审核). The handling units are outside the centre:
   * they are separate bodies, and their tasks stay theirs.
   */
  public List<String> department() {
    return switch (this) {
      case CUSTOMER_SERVICE_LEAD -> List.of(CUSTOMER_SERVICE.id, id);
      case QUALITY_LEAD -> List.of(QUALITY.id, id);
      case HOTLINE_SUPERVISORS -> List.of(HOTLINE_OPERATORS.id, HOTLINE_DISPATCHERS.id, id);
      default -> List.of();
    };
  }

  /** Whether the group leads or supervises a department ({@link #department()} is not empty). */
  public boolean leadsDepartment() {
    return !department().isEmpty();
  }

  /** The lead groups whose department holds this group id, e.g. customer-service-lead for customer-service. */
  public static List<String> leadsOf(String groupId) {
    List<String> leads = new ArrayList<>();
    for (StaffGroup group : values()) {
      if (!group.id.equals(groupId) && group.department().contains(groupId)) {
        leads.add(group.id);
      }
    }
    return leads;
  }

  /** The given groups and, for the lead groups among them, every group of their department. */
  public static List<String> withDepartments(Collection<String> groupIds) {
    Set<String> ids = new LinkedHashSet<>(groupIds);
    for (StaffGroup group : values()) {
      if (groupIds.contains(group.id)) {
        ids.addAll(group.department());
      }
    }
    return List.copyOf(ids);
  }

  /** Staff work in Tasklist; auditors only read history in Cockpit. */
  public boolean worksInTasklist() {
    return this != AUDITORS;
  }
}
