package org.serviceflow.casefile;

import java.time.Instant;
import java.util.Date;
import org.springframework.stereotype.Service;

/**
 * The case file (service_case) and its timeline (case_timeline). Every method joins the caller's
 * transaction, which inside a delegate is the engine's, so a rolled-back step leaves no record.
 */
@Service
public class CaseFileService {

  /** Draws the next case number (prefix + date part + serial), writes the case file and a 受理 timeline entry. Returns the case number. */
  public String open(NewCase newCase) {
    throw new UnsupportedOperationException("contract stub");
  }

  /** Appends a timeline entry: who did what, when, with which outcome. */
  public void record(String caseNumber, String actor, String action, String outcome) {
    throw new UnsupportedOperationException("contract stub");
  }

  /** Sets the case status (a short Chinese label, e.g. 处理中). */
  public void updateStatus(String caseNumber, String status) {
    throw new UnsupportedOperationException("contract stub");
  }

  /** Stores or replaces a named deadline (e.g. "VERIFICATION") with its due and optional warning instant. */
  public void setDeadline(String caseNumber, String kind, Date dueAt, Date warningAt) {
    throw new UnsupportedOperationException("contract stub");
  }

  /** Marks a deadline as met (its work was completed) at the given instant. */
  public void completeDeadline(String caseNumber, String kind, Instant metAt) {
    throw new UnsupportedOperationException("contract stub");
  }

  /** Flags the case for review (查办), e.g. closed after a hard limit passed. */
  public void flagForReview(String caseNumber, String reason) {
    throw new UnsupportedOperationException("contract stub");
  }

  /** Closes the case with an outcome; writes a 结案 timeline entry. */
  public void close(String caseNumber, String outcome, Instant closedAt) {
    throw new UnsupportedOperationException("contract stub");
  }
}
