package org.serviceflow.hotline;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The assisting parts of an appeal (hotline_assist, V29__hotline_assist.sql; 会办，issue 11), written by the
 * delegates of hotlineAssist.bpmn in the engine's transaction, and the text the lead unit reads from them.
 */
@Repository
class AssistRecords {

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final JdbcTemplate jdbc;
  private final ZoneId zone;

  AssistRecords(JdbcTemplate jdbc, @Value("${serviceflow.calendar.zone:Asia/Shanghai}") ZoneId zone) {
    this.jdbc = jdbc;
    this.zone = zone;
  }

  void started(String caseNumber, String leadUnit, String unit, String unitName, Date at, Date signDue, Date replyDue) {
    jdbc.update("insert into hotline_assist (case_number, lead_unit, unit, unit_name, started_at, sign_due_at, "
        + "reply_due_at) values (?, ?, ?, ?, ?, ?, ?)", caseNumber, leadUnit, unit, unitName, ts(at), ts(signDue),
        ts(replyDue));
  }

  void signed(String caseNumber, String unit, Date at, boolean inTime) {
    jdbc.update("update hotline_assist set signed_at = ?, signed_in_time = ? where id = ?", ts(at), inTime,
        current(caseNumber, unit));
  }

  void replied(String caseNumber, String unit, Date at, boolean inTime, String reply) {
    jdbc.update("update hotline_assist set replied_at = ?, replied_in_time = ?, reply = ? where id = ?", ts(at), inTime,
        reply, current(caseNumber, unit));
  }

  /** Ended at the reply limit without a reply; a part never signed for counts as not signed in time as well. */
  void timedOut(String caseNumber, String unit, String reason) {
    jdbc.update("update hotline_assist set timed_out = true, timeout_reason = ?, "
        + "signed_in_time = coalesce(signed_in_time, false), replied_in_time = false where id = ?", reason,
        current(caseNumber, unit));
  }

  /** One line per assisting part, in the order they started: its state, the reply or why there is none. */
  String summary(String caseNumber) {
    List<String> lines = jdbc.query("select unit_name, sign_due_at, reply_due_at, signed_at, replied_at, reply, "
        + "timed_out, timeout_reason from hotline_assist where case_number = ? order by id", (rs, row) -> {
          String unit = "**" + rs.getString("unit_name") + "**：";
          if (rs.getBoolean("timed_out")) {
            return unit + "未答复（" + rs.getString("timeout_reason") + "）";
          }
          if (rs.getTimestamp("replied_at") != null) {
            return unit + "已于 " + local(rs.getTimestamp("replied_at")) + " 答复：" + rs.getString("reply");
          }
          if (rs.getTimestamp("signed_at") != null) {
            return unit + "已签收，待答复（答复时限 " + local(rs.getTimestamp("reply_due_at")) + "）";
          }
          return unit + "待签收（签收时限 " + local(rs.getTimestamp("sign_due_at")) + "，答复时限 "
              + local(rs.getTimestamp("reply_due_at")) + "）";
        }, caseNumber);
    return String.join("\n\n", lines);
  }

  private long current(String caseNumber, String unit) {
    return jdbc.queryForObject("select max(id) from hotline_assist where case_number = ? and unit = ?", Long.class,
        caseNumber, unit);
  }

  private String local(Timestamp timestamp) {
    return MINUTES.format(timestamp.toInstant().atZone(zone));
  }

  private static Timestamp ts(Date date) {
    return date == null ? null : new Timestamp(date.getTime());
  }
}
