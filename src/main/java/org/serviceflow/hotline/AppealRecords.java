package org.serviceflow.hotline;

import java.sql.Timestamp;
import java.util.Date;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writes the assessment facts of an appeal (hotline_appeal, hotline_dispatch; V5__hotline.sql) as the process
 * passes its steps. Called by the delegates, so every write joins the engine's transaction.
 */
@Repository
class AppealRecords {

  private final JdbcTemplate jdbc;

  AppealRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void received(String caseNumber, String processInstanceId, HotlineVariables appeal, Date receivedAt) {
    jdbc.update("insert into hotline_appeal (case_number, process_instance_id, appeal_type, urgency, area, category, "
        + "confidential, received_at) values (?, ?, ?, ?, ?, ?, ?, ?)", caseNumber, processInstanceId,
        appeal.appealType(), appeal.urgency(), appeal.area(), appeal.category(), appeal.confidential(), ts(receivedAt));
  }

  void answeredDirectly(String caseNumber) {
    jdbc.update("update hotline_appeal set answered_directly = true where case_number = ?", caseNumber);
  }

  void dispatched(String caseNumber, String unit, Date at, Date signDue, Date returnDue, Date handlingDue) {
    jdbc.update("insert into hotline_dispatch (case_number, unit, dispatched_at, sign_due_at, return_due_at) "
        + "values (?, ?, ?, ?, ?)", caseNumber, unit, ts(at), ts(signDue), ts(returnDue));
    jdbc.update("update hotline_appeal set unit = ?, dispatched_at = ?, handling_due_at = ? where case_number = ?",
        unit, ts(at), ts(handlingDue), caseNumber);
  }

  /** The unit's answer to its current dispatch: signed or returned, in time or not. */
  void responded(String caseNumber, Date at, boolean inTime, boolean returned, String reason, boolean returnInTime) {
    jdbc.update("update hotline_dispatch set responded_at = ?, signed_in_time = ?, returned = ?, return_reason = ?, "
        + "return_in_time = ? where id = ?", ts(at), inTime, returned, reason, returned ? returnInTime : null,
        currentDispatch(caseNumber));
  }

  /** A refused return (退单 not accepted) does not count as signed in time: the unit has to take the appeal anyway. */
  void returnReviewed(String caseNumber, boolean accepted) {
    jdbc.update("update hotline_dispatch set return_accepted = ?, signed_in_time = (signed_in_time and ?) where id = ?",
        accepted, accepted, currentDispatch(caseNumber));
  }

  void extended(String caseNumber, int days, Date handlingDue) {
    jdbc.update("update hotline_appeal set extended = true, extension_days = ?, handling_due_at = ? where case_number = ?",
        days, ts(handlingDue), caseNumber);
  }

  void supervised(String caseNumber) {
    jdbc.update("update hotline_appeal set supervisions = supervisions + 1 where case_number = ?", caseNumber);
  }

  void rehandled(String caseNumber, Date handlingDue) {
    jdbc.update("update hotline_appeal set rehandles = rehandles + 1, handling_due_at = ? where case_number = ?",
        ts(handlingDue), caseNumber);
  }

  void replied(String caseNumber, Date at, boolean onTime) {
    jdbc.update("update hotline_appeal set replied_at = ?, replied_on_time = ? where case_number = ?", ts(at), onTime,
        caseNumber);
  }

  void closed(String caseNumber, Date at, String satisfaction, Boolean resolved) {
    jdbc.update("update hotline_appeal set closed_at = ?, satisfaction = ?, resolved = ? where case_number = ?", ts(at),
        satisfaction, resolved, caseNumber);
  }

  private long currentDispatch(String caseNumber) {
    return jdbc.queryForObject("select max(id) from hotline_dispatch where case_number = ?", Long.class, caseNumber);
  }

  private static Timestamp ts(Date date) {
    return date == null ? null : new Timestamp(date.getTime());
  }
}
