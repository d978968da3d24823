package org.serviceflow.hotline;

import static org.serviceflow.reporting.ReportCompiler.rate;

/**
 * One handling unit's figures for a month (PROCESSES.md D.12; definitions in docs/processes/hotline-12345.md).
 * Counts: {@code received} dispatches to the unit in the month, of which {@code signedInTime} were signed for (or
 * returned) within the sign-for limit, and {@code returns} were returned (退单); of the unit's appeals closed in the
 * month: {@code closed}, {@code closedOnTime} (last reply at or before the handling limit, extension included),
 * {@code resolved}, {@code satisfied} (满意 + 基本满意) out of {@code satisfactionBase} (closed, unreachable citizens
 * excluded), {@code rehandles} (closed appeals that were handled again, 重办), {@code extensions} (closed appeals that
 * were extended) and {@code supervisions} (督办 at the handling limit). Rates are fractions 0..1, null when their base is 0.
 */
public record UnitAssessment(
    String unit,
    long received,
    long signedInTime,
    long returns,
    long lateReturns,
    long refusedReturns,
    long closed,
    long closedOnTime,
    long resolved,
    long satisfied,
    long satisfactionBase,
    long unreachable,
    long rehandles,
    long extensions,
    long supervisions,
    Double responseRate,
    Double resolutionRate,
    Double satisfactionRate,
    Double onTimeCloseRate,
    Double returnRate,
    Double rehandleRate,
    Double extensionRate) {

  static UnitAssessment of(String unit, long received, long signedInTime, long returns, long lateReturns,
      long refusedReturns, long closed, long closedOnTime,
      long resolved, long satisfied, long satisfactionBase, long unreachable, long rehandles, long extensions,
      long supervisions) {
    return new UnitAssessment(unit, received, signedInTime, returns, lateReturns, refusedReturns, closed, closedOnTime, resolved, satisfied,
        satisfactionBase, unreachable, rehandles, extensions, supervisions,
        rate(signedInTime, received), rate(resolved, closed), rate(satisfied, satisfactionBase),
        rate(closedOnTime, closed), rate(returns, received), rate(rehandles, closed), rate(extensions, closed));
  }
}
