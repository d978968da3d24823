package org.serviceflow.hotline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code assistReplies}, the text of the assisting parts on the lead unit's forms (会办，issue 11), up to
 * date: written on the calling hotline12345 instance whenever an assisting part changes, in the same transaction.
 */
@Component
class AssistReplies {

  private final AssistRecords records;

  AssistReplies(AssistRecords records) {
    this.records = records;
  }

  /** From a hotlineAssist execution: the lead's process instance gets the current text. */
  void refreshLead(DelegateExecution assist, String caseNumber) {
    DelegateExecution lead = assist.getProcessInstance().getSuperExecution();
    if (lead != null) {
      lead.getProcessInstance().setVariable(HotlineVariables.ASSIST_REPLIES, records.summary(caseNumber));
    }
  }
}
