package org.serviceflow.processchange;

import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.serviceflow.web.CalendarDate;
import org.serviceflow.web.CodeList;

/**
 * The 流程新增/变更审批表 (PROCESSES.md C.1) as the "request" part of POST /api/process-changes
 * receives it, named as in {@link ProcessChangeVariables}. Codes, not labels, for the code lists.
 */
public record ProcessChangeRequest(
    /** Key of the process that changes (complaint), or of the new process: the id of its BPMN process. */
    @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z_][A-Za-z0-9_-]*", message = "必须是流程标识（字母开头，仅含字母、数字、_ 和 -）")
    String targetProcessKey,
    @NotBlank @Size(max = 100) String targetProcessName,
    @NotBlank @CodeList(ChangeType.class) String changeType,
    @NotNull @Min(1) @Max(4) Integer level,
    @NotBlank @CodeList(Category.class) String category,
    @NotBlank @CodeList(Trigger.class) String trigger,
    @NotBlank @Size(max = 4000) String description,
    /** The day the change goes live (00:00 Asia/Shanghai); today or later. */
    @NotNull @FutureOrPresent @CalendarDate LocalDate effectiveDate,
    @NotBlank @Size(max = 64) String ownerGroup,
    List<@NotBlank @Size(max = 64) String> affectedGroups) {

  /** 新增 / 变更 / 废止. */
  public enum ChangeType implements CodeList.Coded {
    ADD(ProcessChangeVariables.ADD, "新增"), CHANGE(ProcessChangeVariables.CHANGE, "变更"), RETIRE(ProcessChangeVariables.RETIRE, "废止");

    private final String code;
    private final String label;

    ChangeType(String code, String label) {
      this.code = code;
      this.label = label;
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }
  }

  /** The process categories of 000:100. */
  public enum Category implements CodeList.Coded {
    STRATEGY("strategy", "战略"), MANAGEMENT("management", "管理"), RESOURCE("resource", "资源"),
    BUSINESS("business", "业务"), RISK("risk", "风控");

    private final String code;
    private final String label;

    Category(String code, String label) {
      this.code = code;
      this.label = label;
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }
  }

  /** What triggered the change (000:374–375, 002:236). */
  public enum Trigger implements CodeList.Coded {
    LEADERSHIP("leadership", "领导要求"), INSPECTION("inspection", "检查结果"), IMPROVEMENT("improvement", "改进建议"),
    COMPLAINT_ANALYSIS("complaint-analysis", "投诉分析");

    private final String code;
    private final String label;

    Trigger(String code, String label) {
      this.code = code;
      this.label = label;
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }
  }

  List<String> affectedGroupIds() {
    return affectedGroups == null ? List.of() : affectedGroups.stream().map(String::strip).distinct().toList();
  }

  /**
   * The intake variables, typed as the Tasklist start form stores them (level Integer, effective date an
   * ISO date string, affected groups a JSON array as the start form's checklist writes it), with the attachment set or null.
   */
  Map<String, Object> toVariables(String attachmentSetId) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(ProcessChangeVariables.TARGET_PROCESS_KEY, targetProcessKey.strip());
    variables.put(ProcessChangeVariables.TARGET_PROCESS_NAME, targetProcessName.strip());
    variables.put(ProcessChangeVariables.CHANGE_TYPE, changeType);
    variables.put(ProcessChangeVariables.LEVEL, level);
    variables.put(ProcessChangeVariables.CATEGORY, category);
    variables.put(ProcessChangeVariables.TRIGGER, trigger);
    variables.put(ProcessChangeVariables.DESCRIPTION, description.strip());
    variables.put(ProcessChangeVariables.EFFECTIVE_DATE, effectiveDate.toString());
    variables.put(ProcessChangeVariables.OWNER_GROUP, ownerGroup.strip());
    variables.put(ProcessChangeVariables.AFFECTED_GROUPS,
        SpinValues.jsonValue(Spin.JSON(affectedGroupIds())).create());
    variables.put(ProcessChangeVariables.ATTACHMENT_SET_ID, attachmentSetId);
    return variables;
  }
}
