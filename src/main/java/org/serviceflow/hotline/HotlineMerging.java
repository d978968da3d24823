package org.serviceflow.hotline;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.serviceflow.casefile.CaseType;
import org.serviceflow.identity.StaffGroup;
import org.serviceflow.merge.MergeableProcess;
import org.springframework.stereotype.Component;

/**
 * 并单 for 12345 appeals: an operator merges a citizen's repeat call (same phone, similar content) into the open
 * appeal; 12345 督办 splits a wrong merge off into a new appeal taken in like one at POST /api/hotline/appeals, with
 * the master's type, urgency, area, category and event details. A 12345 appeal has no order number; every contact
 * comes in on 12345, whatever channel code is given.
 */
@Component
class HotlineMerging implements MergeableProcess {

  private final HotlineIntakeService intake;

  HotlineMerging(HotlineIntakeService intake) {
    this.intake = intake;
  }

  @Override
  public CaseType type() { return CaseType.HOTLINE; }

  @Override
  public Set<String> intakeGroups() { return Set.of(StaffGroup.HOTLINE_OPERATORS.id()); }

  @Override
  public String leadGroup() { return StaffGroup.HOTLINE_SUPERVISORS.id(); }

  @Override
  public String subjectVariable() { return HotlineVariables.CONTENT; }

  @Override
  public Optional<String> referenceVariable() { return Optional.empty(); }

  @Override
  public Optional<String> channelProblem(String channel) { return Optional.empty(); }

  @Override
  public String startSplitCase(SplitContact contact, Map<String, Object> master) {
    String eventDate = (String) master.get(HotlineVariables.EVENT_DATE);
    AppealRequest request = new AppealRequest(contact.callerName(), contact.callerPhone(),
        (Boolean) master.get(HotlineVariables.CONFIDENTIAL), (String) master.get(HotlineVariables.APPEAL_TYPE),
        (String) master.get(HotlineVariables.URGENCY), (String) master.get(HotlineVariables.AREA),
        (String) master.get(HotlineVariables.CATEGORY), contact.text(),
        eventDate == null ? null : LocalDate.parse(eventDate), (String) master.get(HotlineVariables.EVENT_LOCATION),
        (String) master.get(HotlineVariables.PEOPLE_INVOLVED), (String) master.get(HotlineVariables.TARGET),
        (String) master.get(HotlineVariables.REASON), (String) master.get(HotlineVariables.EVIDENCE));
    return intake.receive(request, contact.intakeUser()).caseNumber();
  }
}
