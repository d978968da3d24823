package org.serviceflow.complaint;

import org.serviceflow.casefile.CaseStarter;
import org.serviceflow.casefile.CaseStarter.StartedCase;
import org.springframework.stereotype.Service;

/**
 * Starts a complaint process for a validated intake, as the signed-in intake clerk (the process's
 * initiator, 首问负责). Registration (case number, case file, acknowledgement) runs inside the start
 * in the same transaction, so either all of it is written or nothing is.
 */
@Service
class ComplaintIntakeService {

  private final CaseStarter cases;

  ComplaintIntakeService(CaseStarter cases) {
    this.cases = cases;
  }

  /** The started case: its number (the process instance's business key) and process instance. */
  record Receipt(String caseNumber, String processInstanceId) {
  }

  public Receipt receive(ComplaintRequest request) {
    StartedCase started = cases.start(ComplaintVariables.PROCESS_KEY, request.toVariables());
    return new Receipt(started.caseNumber(), started.processInstanceId());
  }
}
