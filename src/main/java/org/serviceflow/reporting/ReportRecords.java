package org.serviceflow.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The report records (report_record), written by the report process inside the engine's transaction. The figures are
 * compiled once, when the run starts, and never rewritten after the owner confirmed them.
 */
@Service
public class ReportRecords {

  private static final String COLUMNS = "id, report_type, period, status, process_instance_id, figures_json, "
      + "compiled_at, due_at, comments, measures, confirmed_by, confirmed_at, approved_by, approved_at";

  private final JdbcTemplate jdbc;
  private final ReportCompilers compilers;
  private final ObjectMapper json;

  ReportRecords(JdbcTemplate jdbc, ReportCompilers compilers, ObjectMapper json) {
    this.jdbc = jdbc;
    this.compilers = compilers;
    this.json = json;
  }

  /**
   * Compiles the month's figures for the run of {@code processInstanceId} and stores them: a new record, or the
   * unconfirmed record of an earlier run of the same month (compiled again). A confirmed month is never compiled over.
   */
  public long compile(ReportType type, YearMonth month, String processInstanceId, Instant dueAt) {
    ReportFigures figures = compilers.compile(type, month);
    Timestamp now = Timestamp.from(figures.compiledAt());
    Optional<ReportRecord> earlier = find(type, month);
    if (earlier.isPresent()) {
      ReportRecord record = earlier.get();
      if (record.status() != ReportRecord.Status.COMPILED) {
        throw new IllegalStateException(type.label() + " " + month + " is already " + record.status()
            + " (record " + record.id() + "); a confirmed report is not compiled again");
      }
      jdbc.update("update report_record set figures_json = ?, compiled_at = ?, due_at = ?, process_instance_id = ? "
          + "where id = ?", write(figures), now, timestamp(dueAt), processInstanceId, record.id());
      return record.id();
    }
    jdbc.update("insert into report_record (report_type, period, status, process_instance_id, figures_json, "
        + "compiled_at, due_at) values (?, ?, ?, ?, ?, ?, ?)", type.key(), month.toString(),
        ReportRecord.Status.COMPILED.name(), processInstanceId, write(figures), now, timestamp(dueAt));
    return find(type, month).orElseThrow().id();
  }

  /** The owner's confirmation with comments and improvement measures; final unless the rules require approval. */
  public void confirm(long id, String userId, String comments, String measures, boolean approvalRequired) {
    ReportRecord.Status next = approvalRequired ? ReportRecord.Status.REVIEWED : ReportRecord.Status.CONFIRMED;
    int updated = jdbc.update("update report_record set status = ?, confirmed_by = ?, confirmed_at = ?, comments = ?, "
        + "measures = ? where id = ? and status = ?", next.name(), userId, now(), comments, measures, id,
        ReportRecord.Status.COMPILED.name());
    requireOne(updated, id, ReportRecord.Status.COMPILED);
  }

  /** The approver's decision: approved makes it final; rejected sends it back to the owner (COMPILED again). */
  public void decide(long id, String userId, boolean approved) {
    int updated = approved
        ? jdbc.update("update report_record set status = ?, approved_by = ?, approved_at = ? where id = ? and status = ?",
            ReportRecord.Status.CONFIRMED.name(), userId, now(), id, ReportRecord.Status.REVIEWED.name())
        : jdbc.update("update report_record set status = ?, confirmed_by = null, confirmed_at = null where id = ? "
            + "and status = ?", ReportRecord.Status.COMPILED.name(), id, ReportRecord.Status.REVIEWED.name());
    requireOne(updated, id, ReportRecord.Status.REVIEWED);
  }

  public Optional<ReportRecord> find(long id) {
    return jdbc.query("select " + COLUMNS + " from report_record where id = ?", this::map, id).stream().findFirst();
  }

  public Optional<ReportRecord> find(ReportType type, YearMonth month) {
    return jdbc.query("select " + COLUMNS + " from report_record where report_type = ? and period = ?", this::map,
        type.key(), month.toString()).stream().findFirst();
  }

  /** Records of a type and/or a month (either may be null), newest month first. */
  public List<ReportRecord> list(ReportType type, YearMonth month) {
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from report_record where 1 = 1");
    List<Object> args = new ArrayList<>();
    if (type != null) {
      sql.append(" and report_type = ?");
      args.add(type.key());
    }
    if (month != null) {
      sql.append(" and period = ?");
      args.add(month.toString());
    }
    sql.append(" order by period desc, report_type");
    return jdbc.query(sql.toString(), this::map, args.toArray());
  }

  private void requireOne(int updated, long id, ReportRecord.Status expected) {
    if (updated != 1) {
      throw new IllegalStateException("report record " + id + " is not " + expected);
    }
  }

  private ReportRecord map(ResultSet rs, int row) throws SQLException {
    ReportType type = ReportType.ofKey(rs.getString("report_type")).orElseThrow();
    return new ReportRecord(rs.getLong("id"), type.key(), type.label(), rs.getString("period"),
        ReportRecord.Status.valueOf(rs.getString("status")), rs.getString("process_instance_id"),
        read(rs.getString("figures_json")), instant(rs, "compiled_at"), instant(rs, "due_at"),
        rs.getString("comments"), rs.getString("measures"), rs.getString("confirmed_by"), instant(rs, "confirmed_at"),
        rs.getString("approved_by"), instant(rs, "approved_at"));
  }

  private String write(ReportFigures figures) {
    try {
      return json.writeValueAsString(figures);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("report figures cannot be written as JSON", e);
    }
  }

  private ReportFigures read(String text) {
    try {
      return json.readValue(text, ReportFigures.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored report figures cannot be read", e);
    }
  }

  private static Timestamp now() {
    return new Timestamp(ClockUtil.getCurrentTime().getTime());
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
