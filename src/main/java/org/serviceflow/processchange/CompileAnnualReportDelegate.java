package org.serviceflow.processchange;

import static org.serviceflow.processchange.ProcessChangeVariables.EXECUTION_SUMMARY;
import static org.serviceflow.processchange.ProcessChangeVariables.REPORT_SUMMARY;
import static org.serviceflow.processchange.ProcessChangeVariables.REPORT_YEAR;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Date;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.serviceflow.calendar.CalendarProperties;
import org.springframework.stereotype.Component;

/**
 * 汇总年度流程变更 (Task_CompileAnnualReport, PROCESSES.md C.8; 000:385 "汇总各部门流程执行情况、流程检查情况和流程新增/变更情况"):
 * lists the changes filed in the current year from the catalogue, and the execution of every process in that year
 * from the engine's history (cases started, cases closed, tasks completed after their due date), as text for the
 * annual process-management report task; 企管部 adds the year's inspection results there.
 */
@Component
class CompileAnnualReportDelegate implements JavaDelegate {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private final ProcessCatalogue catalogue;
  private final CalendarProperties calendar;
  private final RepositoryService repositoryService;
  private final HistoryService historyService;
  private final ManagementService managementService;

  CompileAnnualReportDelegate(ProcessCatalogue catalogue, CalendarProperties calendar,
      RepositoryService repositoryService, HistoryService historyService, ManagementService managementService) {
    this.catalogue = catalogue;
    this.calendar = calendar;
    this.repositoryService = repositoryService;
    this.historyService = historyService;
    this.managementService = managementService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ZoneId zone = calendar.zone();
    int year = ClockUtil.getCurrentTime().toInstant().atZone(zone).getYear();
    List<CatalogueChange> changes = catalogue.changesFiledIn(year, zone);
    StringBuilder summary = new StringBuilder(year + " 年共批准流程变更 " + changes.size() + " 项");
    for (CatalogueChange change : changes) {
      summary.append('\n').append(change.caseNumber()).append(' ').append(change.processKey()).append(' ')
          .append(ProcessChangeVariables.changeTypeLabel(change.changeType()))
          .append(change.versionTag() == null ? "" : " 版本 " + change.versionTag())
          .append(" 归档 ").append(DAY.format(change.filedAt().atZone(zone)))
          .append(change.effectiveAt() == null ? " 未生效" : " 生效 " + DAY.format(change.effectiveAt().atZone(zone)))
          .append(change.versions() == null || change.versions().isEmpty() ? "" : " 部署 " + change.versions());
    }
    execution.setVariable(REPORT_YEAR, year);
    execution.setVariable(REPORT_SUMMARY, summary.toString());
    execution.setVariable(EXECUTION_SUMMARY, executionSummary(year, zone));
  }

  /** One line per process (latest definitions, by key): 发起 started, 办结 ended, 超期办理 tasks done after due. */
  String executionSummary(int year, ZoneId zone) {
    Date from = Date.from(LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant());
    Date to = Date.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant().minusMillis(1));
    StringBuilder text = new StringBuilder(year + " 年流程执行情况");
    List<ProcessDefinition> processes = repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
        .sorted(Comparator.comparing(ProcessDefinition::getKey)).toList();
    for (ProcessDefinition process : processes) {
      long started = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(process.getKey())
          .startedAfter(from).startedBefore(to).count();
      long ended = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(process.getKey())
          .finishedAfter(from).finishedBefore(to).count();
      long late = historyService.createNativeHistoricTaskInstanceQuery()
          .sql("SELECT COUNT(*) FROM " + managementService.getTableName(HistoricTaskInstance.class)
              + " WHERE PROC_DEF_KEY_ = #{key} AND END_TIME_ >= #{from} AND END_TIME_ <= #{to}"
              + " AND DUE_DATE_ IS NOT NULL AND END_TIME_ > DUE_DATE_")
          .parameter("key", process.getKey()).parameter("from", from).parameter("to", to).count();
      text.append('\n').append(process.getName() == null ? process.getKey() : process.getName())
          .append("（").append(process.getKey()).append("）：发起 ").append(started).append(" 件，办结 ").append(ended)
          .append(" 件，超期办理的任务 ").append(late).append(" 个");
    }
    return text.toString();
  }
}
