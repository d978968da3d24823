package org.serviceflow.complaint;

import java.util.List;
import org.serviceflow.reporting.ReportPeriod;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark's copy of how {@link ClosedComplaints} read the closed complaints before the closing record (V26):
 * pivoting the process history (act_hi_varinst, 9 variables per case). Kept so that one run can time the old read
 * against the new one under the same load, and check that both give the same complaints with the same values.
 */
public final class ClosedComplaintsBefore {

  private static final String PIVOT = """
      select c.case_number, c.category, c.severity, c.opened_at, c.closed_at, d.due_at, d.met_at,
             max(case when v.name_ = 'customerTier' then v.text_ end) tier,
             max(case when v.name_ = 'handlingGroup' then v.text_ end) department,
             max(case when v.name_ = 'verificationResult' then v.text_ end) verification,
             max(case when v.name_ = 'satisfaction' then v.text_ end) satisfaction,
             max(case when v.name_ = 'responsiblePerson' then v.text_ end) responsible,
             max(case when v.name_ = 'cause' then v.text_ end) cause,
             max(case when v.name_ = 'staffName' then v.text_ end) staff,
             max(case when v.name_ = 'disciplineAction' then v.text_ end) discipline,
             max(case when v.name_ = 'disciplineFine' then coalesce(v.double_, v.long_) end) fine
        from service_case c
        left join case_deadline d on d.case_id = c.id and d.kind = 'RESOLUTION'
        left join act_hi_varinst v on v.proc_inst_id_ = c.process_instance_id
             and v.name_ in ('customerTier', 'handlingGroup', 'verificationResult', 'satisfaction',
                             'responsiblePerson', 'cause', 'staffName', 'disciplineAction', 'disciplineFine')
       where c.process_type = 'COMPLAINT' and c.closed_at >= ? and c.closed_at < ?
       group by c.case_number, c.category, c.severity, c.opened_at, c.closed_at, d.due_at, d.met_at
       order by c.case_number""";

  private ClosedComplaintsBefore() {
  }

  /** The month's closed complaints as the history pivot gives them. */
  public static List<?> pivot(ApplicationContext app, ReportPeriod period) {
    org.serviceflow.calendar.WorkingDayCalendar calendar = app.getBean(org.serviceflow.calendar.WorkingDayCalendar.class);
    return app.getBean(JdbcTemplate.class).query(PIVOT, (rs, row) -> {
      java.sql.Timestamp due = rs.getTimestamp("due_at");
      java.sql.Timestamp met = rs.getTimestamp("met_at");
      Number fine = (Number) rs.getObject("fine");
      return new ClosedComplaints.Closed(rs.getString("case_number"), rs.getString("category"),
          rs.getString("severity"), rs.getString("tier"), rs.getString("department"), rs.getString("verification"),
          rs.getString("satisfaction"), rs.getString("responsible"), rs.getString("cause"), rs.getString("staff"),
          rs.getString("discipline"), fine == null ? null : fine.doubleValue(),
          due == null ? null : met != null && !met.after(due),
          ClosedComplaints.handlingHours(calendar, rs.getTimestamp("opened_at"), rs.getTimestamp("closed_at")));
    }, period.fromTimestamp(), period.toTimestamp());
  }

  /** The month's closed complaints as the reports read them now (the closing record). */
  public static List<?> closingRecord(ApplicationContext app, ReportPeriod period) {
    return app.getBean(ClosedComplaints.class).in(period);
  }
}
