package org.serviceflow.merge;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.serviceflow.casefile.CaseFileService;
import org.springframework.stereotype.Component;

/**
 * 记录重复来电 (Task_RecordRepeatContact, in the event subprocess 重复来电（并单） of complaint.bpmn and
 * hotline12345.bpmn): writes the merged contact onto the master's timeline (重复来电（并单）) and marks it recorded.
 * The timeline names the contact by its number, channel and what was said, never the caller's name or phone (a
 * 举报 reporter's identity stays in repeat_contact). Runs in the transaction of {@link RepeatContacts#attach}.
 */
@Component
class RecordRepeatContactDelegate implements JavaDelegate {

  static final String ACTION = "重复来电（并单）";

  private final RepeatContactRepository contacts;
  private final CaseFileService caseFiles;

  RecordRepeatContactDelegate(RepeatContactRepository contacts, CaseFileService caseFiles) {
    this.contacts = contacts;
    this.caseFiles = caseFiles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object id = execution.getVariable(RepeatContacts.CONTACT_ID);
    RepeatContact contact = contacts.findById(id instanceof Number number ? number.longValue() : -1L)
        .orElseThrow(() -> new IllegalStateException("重复来电 " + id + " 不存在"));
    long repeats = contacts.findByMasterCaseNumberOrderByReceivedAtAscIdAsc(contact.getMasterCaseNumber()).size();
    caseFiles.record(execution.getProcessBusinessKey(), contact.getReceivedBy(), ACTION,
        execution.getCurrentActivityId(), "第 " + repeats + " 次重复来电（来电记录 #" + contact.getId() + "，渠道 "
            + contact.getChannel() + "）：" + contact.getText() + "；并单原因：" + contact.getReason());
    contact.recorded(ClockUtil.getCurrentTime().toInstant());
  }
}
