package org.serviceflow.hotline;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly unit assessment (考核, PROCESSES.md D.12) from hotline_dispatch and hotline_appeal. A month is
 * the calendar month in serviceflow.calendar.zone. Dispatch figures (received, signed in time, returns) belong
 * to the month of the dispatch; closing figures (closed, on time, resolved, satisfied, re-handles, extensions,
 * supervisions) to the month the appeal was closed, counted for the unit that handled it last. Appeals answered
 * directly by the operator never reach a unit. Units with no figure in the month are not listed. Each assisting unit's
 * part of a co-handled appeal (协办, issue 11; hotline_assist) is counted for that unit in the month the part started.
 */
@Service
@Transactional(readOnly = true)
public class UnitAssessmentService {

  private static final String DISPATCHES = """
      select unit, count(*) received,
             sum(case when signed_in_time then 1 else 0 end) signed_in_time,
             sum(case when returned then 1 else 0 end) returns,
             sum(case when returned and return_in_time = false then 1 else 0 end) late_returns,
             sum(case when returned and return_accepted = false then 1 else 0 end) refused_returns
        from hotline_dispatch
       where dispatched_at >= ? and dispatched_at < ?
       group by unit""";
  private static final String CLOSINGS = """
      select unit, count(*) closed,
             sum(case when replied_on_time then 1 else 0 end) closed_on_time,
             sum(case when resolved then 1 else 0 end) resolved,
             sum(case when satisfaction in ('satisfied', 'basically-satisfied') then 1 else 0 end) satisfied,
             sum(case when satisfaction = 'unreachable' then 1 else 0 end) unreachable,
             sum(case when rehandles > 0 then 1 else 0 end) rehandles,
             sum(case when extended then 1 else 0 end) extensions,
             sum(case when supervisions > 0 then 1 else 0 end) supervisions
        from hotline_appeal
       where closed_at >= ? and closed_at < ? and unit is not null and answered_directly = false
       group by unit""";

  private static final String ASSISTS = """
      select unit, count(*) assists,
             sum(case when replied_at is not null or timed_out then 1 else 0 end) ended,
             sum(case when (replied_at is not null or timed_out) and signed_in_time then 1 else 0 end) signed_in_time,
             sum(case when replied_at is not null and replied_in_time then 1 else 0 end) replied_in_time,
             sum(case when timed_out then 1 else 0 end) timed_out
        from hotline_assist
       where started_at >= ? and started_at < ?
       group by unit
       order by unit""";

  private static final String LATE = """
      select unit, case_number, 'sign-for' what, sign_due_at due_at, responded_at done_at
        from hotline_dispatch
       where dispatched_at >= ? and dispatched_at < ? and signed_in_time = false
         and coalesce(returned and return_accepted = false, false) = false
      union all
      select unit, case_number, 'return', return_due_at, responded_at
        from hotline_dispatch
       where dispatched_at >= ? and dispatched_at < ? and returned and return_in_time = false
      union all
      select unit, case_number, 'reply', handling_due_at, replied_at
        from hotline_appeal
       where closed_at >= ? and closed_at < ? and unit is not null and answered_directly = false
         and replied_on_time = false
      union all
      select unit, case_number, 'assist-sign-for', sign_due_at, signed_at
        from hotline_assist
       where started_at >= ? and started_at < ? and signed_in_time = false
      union all
      select unit, case_number, 'assist-reply', reply_due_at, replied_at
        from hotline_assist
       where started_at >= ? and started_at < ? and replied_in_time = false
      order by 1, 2, 3""";

  /**
   * A late step of one appeal counted against a unit in the month: sign-for, return (退单) or reply (办结); for an
   * assisting unit (协办) its part's sign-for or reply to the lead unit (assist-sign-for, assist-reply).
   */
  public record LateStep(String unit, String caseNumber, String what, Instant dueAt, Instant doneAt) {
  }

  private final JdbcTemplate jdbc;
  private final ZoneId zone;

  UnitAssessmentService(JdbcTemplate jdbc, @Value("${serviceflow.calendar.zone:Asia/Shanghai}") ZoneId zone) {
    this.jdbc = jdbc;
    this.zone = zone;
  }

  /**
   * The cases behind the late figures, by the same rules: dispatches of the month not signed for in time or returned
   * after the return limit, and appeals closed in the month whose last reply came after the handling limit.
   */
  public List<LateStep> lateSteps(YearMonth month) {
    Timestamp from = Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant());
    Timestamp to = Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
    return jdbc.query(LATE, (rs, row) -> new LateStep(rs.getString(1), rs.getString(2), rs.getString(3),
        instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5))), from, to, from, to, from, to, from, to, from, to);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  /** Per unit (ordered by unit id), its assisting parts (协办) that started in the month. */
  public List<AssistAssessment> assists(YearMonth month) {
    Timestamp from = Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant());
    Timestamp to = Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
    return jdbc.query(ASSISTS, (rs, row) -> AssistAssessment.of(rs.getString("unit"), rs.getLong("assists"),
        rs.getLong("ended"), rs.getLong("signed_in_time"), rs.getLong("replied_in_time"), rs.getLong("timed_out")),
        from, to);
  }

  /** Per unit (ordered by unit id), the month's figures and rates. */
  public List<UnitAssessment> assess(YearMonth month) {
    Timestamp from = Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant());
    Timestamp to = Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
    Map<String, long[]> figures = new TreeMap<>();
    jdbc.query(DISPATCHES, rs -> {
      long[] f = figures.computeIfAbsent(rs.getString("unit"), u -> new long[13]);
      f[0] = rs.getLong("received");
      f[1] = rs.getLong("signed_in_time");
      f[2] = rs.getLong("returns");
      f[11] = rs.getLong("late_returns");
      f[12] = rs.getLong("refused_returns");
    }, from, to);
    jdbc.query(CLOSINGS, rs -> {
      long[] f = figures.computeIfAbsent(rs.getString("unit"), u -> new long[13]);
      f[3] = rs.getLong("closed");
      f[4] = rs.getLong("closed_on_time");
      f[5] = rs.getLong("resolved");
      f[6] = rs.getLong("satisfied");
      f[7] = rs.getLong("unreachable");
      f[8] = rs.getLong("rehandles");
      f[9] = rs.getLong("extensions");
      f[10] = rs.getLong("supervisions");
    }, from, to);
    List<UnitAssessment> result = new ArrayList<>();
    figures.forEach((unit, f) -> result.add(UnitAssessment.of(unit, f[0], f[1], f[2], f[11], f[12], f[3], f[4], f[5], f[6],
        f[3] - f[7], f[7], f[8], f[9], f[10])));
    return result;
  }
}
