package org.serviceflow.processchange;

import static org.serviceflow.processchange.ProcessChangeVariables.REPORT_SUMMARY;
import static org.serviceflow.processchange.ProcessChangeVariables.REPORT_YEAR;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.serviceflow.calendar.CalendarProperties;
import org.springframework.stereotype.Component;

/**
 * 汇总年度流程变更 (Task_CompileAnnualReport, PROCESSES.md C.8): lists the changes filed in the current year
 * from the catalogue as text for the annual process-management report task.
 */
@Component
class CompileAnnualReportDelegate implements JavaDelegate {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private final ProcessCatalogue catalogue;
  private final CalendarProperties calendar;

  CompileAnnualReportDelegate(ProcessCatalogue catalogue, CalendarProperties calendar) {
    this.catalogue = catalogue;
    this.calendar = calendar;
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
  }
}
