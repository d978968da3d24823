package org.serviceflow.complaint;

import java.util.List;
import org.serviceflow.reporting.ReportPeriod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The complaints closed in a month (service_case.closed_at in the period), with what the case file and the process
 * history know of each: category, severity, customer tier, handling department, verification, responsibility,
 * satisfaction of the last return visit, discipline, and whether the resolution deadline was met in time. One query for
 * the complaint statistics and the penalty review.
 */
@Component
class ClosedComplaints {

  private static final String QUERY = """
      select c.case_number, c.category, c.severity, d.due_at, d.met_at,
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
       group by c.case_number, c.category, c.severity, d.due_at, d.met_at
       order by c.case_number""";

  /** One closed complaint; {@code onTime} is null when it never reached a resolution deadline (e.g. not valid). */
  record Closed(String caseNumber, String category, String severity, String tier, String department,
      String verification, String satisfaction, String responsible, String cause, String staff, String discipline,
      Double fine, Boolean onTime) {

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

  ClosedComplaints(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<Closed> in(ReportPeriod period) {
    return jdbc.query(QUERY, (rs, row) -> {
      java.sql.Timestamp due = rs.getTimestamp("due_at");
      java.sql.Timestamp met = rs.getTimestamp("met_at");
      Number fine = (Number) rs.getObject("fine");
      return new Closed(rs.getString("case_number"), rs.getString("category"), rs.getString("severity"),
          rs.getString("tier"), rs.getString("department"), rs.getString("verification"), rs.getString("satisfaction"),
          rs.getString("responsible"), rs.getString("cause"), rs.getString("staff"), rs.getString("discipline"),
          fine == null ? null : fine.doubleValue(),
          due == null ? null : met != null && !met.after(due));
    }, period.fromTimestamp(), period.toTimestamp());
  }
}
