package org.serviceflow.aftersales;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.serviceflow.calendar.WorkingDayCalendar;
import org.serviceflow.reporting.ReportPeriod;
import org.serviceflow.reporting.StaffEvent;
import org.serviceflow.reporting.StaffEventSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The staff assessment's after-sales events of a month: a visit (上门) deadline due in the month and met late, or not met
 * by the month's end, counts against the order's technician once ("late-repair") and per whole working day late
 * ("delay", counted to the visit or to the month's end).
 */
@Component
class LateRepairStaffEvents implements StaffEventSource {

  private static final String QUERY = """
      select o.case_number, o.technician, d.due_at, d.met_at
        from case_deadline d
        join service_case c on c.id = d.case_id
        join service_order o on o.case_number = c.case_number
       where d.kind = 'VISIT' and d.due_at >= ? and d.due_at < ? and (d.met_at is null or d.met_at > d.due_at)
         and o.technician is not null
       order by o.case_number""";

  private final JdbcTemplate jdbc;
  private final WorkingDayCalendar calendar;

  LateRepairStaffEvents(JdbcTemplate jdbc, WorkingDayCalendar calendar) {
    this.jdbc = jdbc;
    this.calendar = calendar;
  }

  @Override
  public List<StaffEvent> events(ReportPeriod period) {
    List<StaffEvent> events = new ArrayList<>();
    jdbc.query(QUERY, rs -> {
      Instant due = rs.getTimestamp("due_at").toInstant();
      Timestamp met = rs.getTimestamp("met_at");
      Instant until = met == null || met.toInstant().isAfter(period.to()) ? period.to() : met.toInstant();
      String technician = rs.getString("technician");
      String caseNumber = rs.getString("case_number");
      events.add(new StaffEvent(technician, "late-repair", caseNumber, 1));
      int days = calendar.workingDaysBetween(due, until);
      if (days > 0) {
        events.add(new StaffEvent(technician, "delay", caseNumber, days));
      }
    }, period.fromTimestamp(), period.toTimestamp());
    return events;
  }
}
