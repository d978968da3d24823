package org.serviceflow.merge;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.casefile.CaseView;
import org.serviceflow.identity.CurrentUser;
import org.serviceflow.web.BadRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * 并单 and 拆单. Attaching writes the contact and correlates {@link #MESSAGE} to the master's process instance, whose
 * non-interrupting event subprocess records it on the timeline ({@link RecordRepeatContactDelegate}): no new process
 * instance, no new case file. Splitting starts a new case from the contact through the process's intake
 * ({@link MergeableProcess#startSplitCase}) and notes it on both timelines. Each runs in one transaction: a refusal
 * or a failure leaves nothing written. Engine calls run as the system after ServiceFlow's own check of the caller.
 */
@Service
class RepeatContacts {

  /** The message the master's process receives for a merged contact. */
  static final String MESSAGE = "Message_RepeatContact";
  /** Long, local to the event subprocess: the repeat_contact row it records. */
  static final String CONTACT_ID = "repeatContactId";
  static final String ACTION_SPLIT = "拆单";

  private final RepeatContactRepository contacts;
  private final MergeableProcesses processes;
  private final CaseFileService caseFiles;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final CurrentUser currentUser;

  RepeatContacts(RepeatContactRepository contacts, MergeableProcesses processes, CaseFileService caseFiles,
      RuntimeService runtimeService, HistoryService historyService, CurrentUser currentUser) {
    this.contacts = contacts;
    this.processes = processes;
    this.caseFiles = caseFiles;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.currentUser = currentUser;
  }

  /** The merged contact and what the caller is told: the master's number, status and deadline. */
  record Merged(long contactId, String caseNumber, String status, MasterDeadline deadline) {
  }

  /** The contact split off, the case started from it, and the master it came from. */
  record Split(long contactId, String masterCaseNumber, String newCaseNumber) {
  }

  @Transactional
  public Merged attach(String masterCaseNumber, RepeatContactRequest request) {
    CaseView master = caseFiles.get(masterCaseNumber);
    MergeableProcess process = mergeable(master);
    String userId = processes.requireIntake(process);
    process.channelProblem(request.channel().strip()).ifPresent(problem -> {
      throw new BadRequestException("channel", problem);
    });
    if (master.closedAt() != null || master.processInstanceId() == null) {
      throw new ResponseStatusException(HttpStatus.CONFLICT,
          "案件 " + masterCaseNumber + " 已结案，不能并单；请按新诉求受理");
    }
    RepeatContact contact = contacts.save(new RepeatContact(masterCaseNumber, master.processType(), request,
        ClockUtil.getCurrentTime().toInstant(), userId));
    try {
      currentUser.asSystem(() -> runtimeService.createMessageCorrelation(MESSAGE)
          .processInstanceId(master.processInstanceId())
          .setVariableLocal(CONTACT_ID, contact.getId())
          .correlateWithResult());
    } catch (MismatchingMessageCorrelationException e) {
      throw new ResponseStatusException(HttpStatus.CONFLICT,
          "案件 " + masterCaseNumber + " 的流程版本不接收重复来电，不能并单");
    }
    if (contact.getRecordedAt() == null) {
      throw new IllegalStateException("重复来电 #" + contact.getId() + " 未记入案件 " + masterCaseNumber);
    }
    CaseView now = caseFiles.get(masterCaseNumber);
    return new Merged(contact.getId(), masterCaseNumber, now.status(), MasterDeadline.of(now));
  }

  @Transactional
  public Split split(String masterCaseNumber, long contactId, String reason) {
    CaseView master = caseFiles.get(masterCaseNumber);
    MergeableProcess process = mergeable(master);
    RepeatContact contact = contacts.findByIdAndMasterCaseNumber(contactId, masterCaseNumber)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
            "案件 " + masterCaseNumber + " 没有并单来电 #" + contactId));
    String userId = processes.requireLead(process);
    if (contact.isSplit()) {
      throw new ResponseStatusException(HttpStatus.CONFLICT,
          "并单来电 #" + contactId + " 已拆出为案件 " + contact.getSplitCaseNumber());
    }
    String why = reason.strip();
    String newCase = currentUser.asSystem(() -> process.startSplitCase(new MergeableProcess.SplitContact(
        masterCaseNumber, contact.getCallerName(), contact.getCallerPhone(), contact.getText(), contact.getChannel(),
        contact.getOrderNumber(), userId), masterVariables(master.processInstanceId())));
    Instant at = ClockUtil.getCurrentTime().toInstant();
    contact.split(newCase, at, userId, why);
    caseFiles.record(masterCaseNumber, userId, ACTION_SPLIT,
        "并单来电 #" + contactId + " 拆出为新案件 " + newCase + "；原因：" + why);
    caseFiles.record(newCase, userId, ACTION_SPLIT,
        "由案件 " + masterCaseNumber + " 的并单来电 #" + contactId + " 拆出；原因：" + why);
    return new Split(contactId, masterCaseNumber, newCase);
  }

  private MergeableProcess mergeable(CaseView master) {
    return processes.of(master.processType()).orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT,
        master.processLabel() + "案件不支持并单"));
  }

  /** The master's process-level variables as they are (running) or were at its end (closed), from the history. */
  private Map<String, Object> masterVariables(String processInstanceId) {
    Map<String, Object> variables = new HashMap<>();
    for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).list()) {
      if (processInstanceId.equals(variable.getActivityInstanceId())
          && !HistoricVariableInstance.STATE_DELETED.equals(variable.getState())) {
        variables.put(variable.getName(), variable.getValue());
      }
    }
    return variables;
  }
}
