package org.serviceflow.complaint;

import java.util.ArrayList;
import java.util.List;
import org.serviceflow.reporting.ReportPeriod;
import org.serviceflow.reporting.StaffEvent;
import org.serviceflow.reporting.StaffEventSource;
import org.springframework.stereotype.Component;

/**
 * The staff assessment's complaint events of a month, from the complaints closed in it: a valid complaint counts against
 * the staff member complained about, else the person found responsible ("complaint"); a last return visit that left the
 * customer unsatisfied counts against the person responsible ("dissatisfied-visit"). Nobody named, nothing counted.
 */
@Component
class ComplaintStaffEvents implements StaffEventSource {

  private final ClosedComplaints closed;

  ComplaintStaffEvents(ClosedComplaints closed) {
    this.closed = closed;
  }

  @Override
  public List<StaffEvent> events(ReportPeriod period) {
    List<StaffEvent> events = new ArrayList<>();
    for (ClosedComplaints.Closed c : closed.in(period)) {
      String person = c.staff() != null && !c.staff().isBlank() ? c.staff() : c.responsible();
      if (c.valid() && person != null && !person.isBlank()) {
        events.add(new StaffEvent(person, "complaint", c.caseNumber(), 1));
      }
      if (ComplaintVariables.UNSATISFIED.equals(c.satisfaction()) && c.responsible() != null
          && !c.responsible().isBlank()) {
        events.add(new StaffEvent(c.responsible(), "dissatisfied-visit", c.caseNumber(), 1));
      }
    }
    return events;
  }
}
