package org.serviceflow.reporting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.serviceflow.casefile.CaseType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The open cases near or past a deadline, for the dashboard: running deadlines (not met, case not closed) whose warning
 * instant (黄灯) or due instant (红灯) has passed, soonest due first. Each belongs to the group working on it: the
 * handling unit of a 12345 appeal, else the case's owner group.
 */
@Component
class OpenDeadlines {

  static final int LIMIT = 200;

  private static final String QUERY = """
      select c.case_number, c.process_type, d.kind, d.due_at, d.warning_at, coalesce(a.unit, c.owner_group) grp
        from case_deadline d
        join service_case c on c.id = d.case_id
        left join hotline_appeal a on a.case_number = c.case_number
       where d.met_at is null and c.closed_at is null and (d.due_at <= ? or d.warning_at <= ?)
       order by d.due_at, c.case_number""";

  /** One running deadline of a process (its key); {@code overdue} when its due instant has passed, else it is only warned. */
  record OpenDeadline(String caseNumber, String process, String kind, Instant dueAt, boolean overdue, String group) {
  }

  private final JdbcTemplate jdbc;

  OpenDeadlines(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** At most {@link #LIMIT}, of the groups {@code visible} accepts. */
  List<OpenDeadline> warnedOrOverdue(Predicate<String> visible) {
    Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
    return jdbc.query(QUERY, (rs, row) -> new OpenDeadline(rs.getString(1),
            CaseType.valueOf(rs.getString(2)).processKey(), rs.getString(3),
            rs.getTimestamp(4).toInstant(), !rs.getTimestamp(4).after(now), rs.getString(6)), now, now).stream()
        .filter(d -> visible.test(d.group())).limit(LIMIT).toList();
  }
}
