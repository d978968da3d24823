package org.serviceflow.complaint;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.serviceflow.calendar.Deadlines;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.notification.NotificationService;
import org.springframework.stereotype.Component;

/**
 * 结案 (Task_CloseCase, Task_CloseNotValidComplaint; PROCESSES.md A.10): closes the case file with its
 * outcome, writes the closing record the complaint reports read ({@link ClosedComplaints}), flags it for review (查办, 002:222) when it closes after the hard limit, and sends the customer
 * the result notice. Runs asynchronously with retries, so a failure never blocks the clerk's task.
 */
@Component
class CloseComplaintDelegate implements JavaDelegate {

  static final String RESULT = "complaint.result";
  static final String NOT_VALID_EXPLAINED = "complaint.notValidExplained";

  private final CaseFileService caseFiles;
  private final NotificationService notifications;
  private final Deadlines deadlines;
  private final ClosedComplaints closedComplaints;

  CloseComplaintDelegate(CaseFileService caseFiles, NotificationService notifications, Deadlines deadlines,
      ClosedComplaints closedComplaints) {
    this.caseFiles = caseFiles;
    this.notifications = notifications;
    this.deadlines = deadlines;
    this.closedComplaints = closedComplaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ComplaintVariables complaint = ComplaintVariables.of(execution);
    String caseNumber = complaint.caseNumber();
    Date now = ClockUtil.getCurrentTime();
    Date hardLimit = deadlines.hoursFrom(complaint.receivedAt(), complaint.resolutionHardLimitDays() * 24);
    if (now.after(hardLimit)) {
      caseFiles.flagForReview(caseNumber, "结案超过期限：受理后 " + complaint.resolutionHardLimitDays() + " 天");
    }
    String outcome = outcome(complaint);
    caseFiles.close(caseNumber, outcome, now.toInstant());
    closedComplaints.record(caseNumber, execution);

    Map<String, Object> params = complaint.noticeParams();
    params.put("outcome", outcome);
    notifications.toCustomer(caseNumber, complaint.valid() ? RESULT : NOT_VALID_EXPLAINED, params,
        complaint.customerEmail(), complaint.customerPhone());
  }

  static String outcome(ComplaintVariables complaint) {
    if (!complaint.valid()) {
      return "投诉不成立，已向客户解释说明";
    }
    return complaint.individualCase() ? "多次处理客户仍不满意，经个案处理后结案" : "投诉属实，已处理，客户满意";
  }
}
