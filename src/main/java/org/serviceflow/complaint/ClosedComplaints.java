package org.serviceflow.complaint;

import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.serviceflow.calendar.WorkingDayCalendar;
import org.serviceflow.reporting.ReportPeriod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The complaints closed in a month (service_case.closed_at in the period), with what the case file and the closing
 * record (complaint_closing, V26) know of each: category, severity, customer tier, handling department, verification,
 * responsibility, satisfaction of the last return visit, discipline, and whether the resolution deadline was met in
 * time. One query for the complaint statistics, the penalty review and the staff assessment. The closing record is
 * written by {@link #record} when the case closes, so the reports never pivot the process history.
 */
@Component
class ClosedComplaints {

  private static final String QUERY = """
      select c.case_number, c.category, c.severity, c.opened_at, c.closed_at, d.due_at, d.met_at, k.customer_tier,
             k.handling_group,
             k.verification, k.satisfaction, k.responsible_person, k.cause, k.staff_name, k.discipline_action,
             k.discipline_fine
        from service_case c
        left join complaint_closing k on k.case_id = c.id
        left join case_deadline d on d.case_id = c.id and d.kind = 'RESOLUTION'
       where c.process_type = 'COMPLAINT' and c.closed_at >= ? and c.closed_at < ?
       order by c.case_number""";

  private static final String RECORD = """
      insert into complaint_closing (case_id, customer_tier, handling_group, verification, satisfaction,
                                     responsible_person, cause, staff_name, discipline_action, discipline_fine)
      select id, ?, ?, ?, ?, ?, ?, ?, ?, ? from service_case where case_number = ?""";

  /** One closed complaint; {@code onTime} is null when it never reached a resolution deadline (e.g. not valid). */
  record Closed(String caseNumber, String category, String severity, String tier, String department,
      String verification, String satisfaction, String responsible, String cause, String staff, String discipline,
      Double fine, Boolean onTime, double handlingHours) {

    boolean valid() {
      return ComplaintVariables.VALID.equals(verification);
    }

    boolean satisfied() {
      return ComplaintVariables.SATISFIED.equals(satisfaction);
    }

    boolean disciplined() {
      return discipline != null && !discipline.isBlank() && !"none".equals(discipline);
    }
  }

  private final JdbcTemplate jdbc;
  private final WorkingDayCalendar calendar;

  ClosedComplaints(JdbcTemplate jdbc, WorkingDayCalendar calendar) {
    this.jdbc = jdbc;
    this.calendar = calendar;
  }

  List<Closed> in(ReportPeriod period) {
    return jdbc.query(QUERY, (rs, row) -> {
      java.sql.Timestamp due = rs.getTimestamp("due_at");
      java.sql.Timestamp met = rs.getTimestamp("met_at");
      Number fine = (Number) rs.getObject("discipline_fine");
      return new Closed(rs.getString("case_number"), rs.getString("category"), rs.getString("severity"),
          rs.getString("customer_tier"), rs.getString("handling_group"), rs.getString("verification"),
          rs.getString("satisfaction"), rs.getString("responsible_person"), rs.getString("cause"),
          rs.getString("staff_name"), rs.getString("discipline_action"), fine == null ? null : fine.doubleValue(),
          due == null ? null : met != null && !met.after(due),
          handlingHours(calendar, rs.getTimestamp("opened_at"), rs.getTimestamp("closed_at")));
    }, period.fromTimestamp(), period.toTimestamp());
  }

  /**
   * Hours on working days from receipt to closing ({@link WorkingDayCalendar#workingTimeBetween}: weekends and
   * holidays do not count, 调休 days do), the 办理时长 of docs/reporting.md.
   */
  static double handlingHours(WorkingDayCalendar calendar, java.sql.Timestamp opened, java.sql.Timestamp closed) {
    return calendar.workingTimeBetween(opened.toInstant(), closed.toInstant()).toSeconds() / 3600.0;
  }

  /**
   * The closing record of a complaint, from its process variables as they stand when it closes (called by the closing
   * delegate, in the engine's transaction), as the history keeps them: texts exactly as stored (blank included), the
   * fine as the number the discipline form stored, if any.
   */
  void record(String caseNumber, VariableScope variables) {
    Object fine = variables.getVariable(ComplaintVariables.DISCIPLINE_FINE);
    jdbc.update(RECORD, text(variables, ComplaintVariables.CUSTOMER_TIER),
        text(variables, ComplaintVariables.HANDLING_GROUP), text(variables, ComplaintVariables.VERIFICATION_RESULT),
        text(variables, ComplaintVariables.SATISFACTION), text(variables, ComplaintVariables.RESPONSIBLE_PERSON),
        text(variables, ComplaintVariables.CAUSE), text(variables, ComplaintVariables.STAFF_NAME),
        text(variables, ComplaintVariables.DISCIPLINE_ACTION), fine instanceof Number n ? n.doubleValue() : null,
        caseNumber);
  }

  /** The text the history keeps of a variable: a string as it is, a whole number as digits, anything else none. */
  private static String text(VariableScope variables, String name) {
    Object value = variables.getVariable(name);
    return value instanceof String || value instanceof Integer || value instanceof Long || value instanceof Short
        ? value.toString() : null;
  }
}
