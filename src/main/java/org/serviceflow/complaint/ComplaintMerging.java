package org.serviceflow.complaint;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.serviceflow.casefile.CaseStarter;
import org.serviceflow.casefile.CaseType;
import org.serviceflow.identity.StaffGroup;
import org.serviceflow.merge.MergeableProcess;
import org.springframework.stereotype.Component;

/**
 * 并单 for complaints: customer service merges a repeat complaint (same phone or 产品或订单号, similar content) into
 * the open one; the 客服主管 splits a wrong merge off into a new complaint started like one taken in at
 * POST /api/complaints, with the master's tier, occurrence date, category and severity.
 */
@Component
class ComplaintMerging implements MergeableProcess {

  private final CaseStarter cases;

  ComplaintMerging(CaseStarter cases) {
    this.cases = cases;
  }

  @Override
  public CaseType type() { return CaseType.COMPLAINT; }

  @Override
  public Set<String> intakeGroups() { return Set.of(StaffGroup.CUSTOMER_SERVICE.id()); }

  @Override
  public String leadGroup() { return StaffGroup.CUSTOMER_SERVICE_LEAD.id(); }

  @Override
  public String subjectVariable() { return ComplaintVariables.CONTENT; }

  @Override
  public Optional<String> referenceVariable() { return Optional.of(ComplaintVariables.PRODUCT_OR_ORDER_NO); }

  @Override
  public Optional<String> channelProblem(String channel) {
    return Arrays.stream(ComplaintChannel.values()).anyMatch(c -> c.code().equals(channel)) ? Optional.empty()
        : Optional.of("必须是以下代码之一: phone, letter, visit, web, email");
  }

  @Override
  public String startSplitCase(SplitContact contact, Map<String, Object> master) {
    ComplaintRequest request = new ComplaintRequest(contact.callerName(), contact.callerPhone(), null,
        (String) master.get(ComplaintVariables.CUSTOMER_TIER), contact.orderNumber(), contact.text(),
        LocalDate.parse((String) master.get(ComplaintVariables.OCCURRED_ON)), contact.channel(),
        (String) master.get(ComplaintVariables.CATEGORY), (String) master.get(ComplaintVariables.SEVERITY),
        false, null);
    Map<String, Object> variables = request.toVariables();
    variables.put(ComplaintVariables.INTAKE_USER, contact.intakeUser());
    return cases.start(ComplaintVariables.PROCESS_KEY, variables).caseNumber();
  }
}
