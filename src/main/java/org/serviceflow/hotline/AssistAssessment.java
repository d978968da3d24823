package org.serviceflow.hotline;

import static org.serviceflow.reporting.ReportCompiler.rate;

/**
 * One unit's assisting parts (协办, PROCESSES.md D.12，会办见 issue 11) that started in a month: {@code assists} in all, of which
 * {@code ended} have ended (replied, or {@code timedOut} at the reply limit) and the rest are still open. Of the ended
 * parts, {@code signedInTime} were signed for within the sign-for limit and {@code repliedInTime} replied to the lead
 * unit within the reply limit. Rates are fractions 0..1 of the ended parts, null when none has ended.
 */
public record AssistAssessment(
    String unit,
    long assists,
    long ended,
    long signedInTime,
    long repliedInTime,
    long timedOut,
    Double signRate,
    Double replyRate) {

  static AssistAssessment of(String unit, long assists, long ended, long signedInTime, long repliedInTime,
      long timedOut) {
    return new AssistAssessment(unit, assists, ended, signedInTime, repliedInTime, timedOut, rate(signedInTime, ended),
        rate(repliedInTime, ended));
  }
}
