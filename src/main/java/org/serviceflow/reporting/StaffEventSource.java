package org.serviceflow.reporting;

import java.util.List;

/** Supplies the staff assessment with one process's events of a month (its package knows its own records). */
public interface StaffEventSource {

  List<StaffEvent> events(ReportPeriod period);
}
