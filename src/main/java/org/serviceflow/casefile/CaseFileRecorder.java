package org.serviceflow.casefile;

import java.util.Date;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Writes what the engine listeners of {@link CaseFileParseListener} observe into the case file. A process
 * instance without business key, or whose business key is no case number, has no case file: nothing is
 * written and nothing fails.
 */
@Component
class CaseFileRecorder {

  private static final Logger log = LoggerFactory.getLogger(CaseFileRecorder.class);

  // resolved at the first event: the plugin holding this recorder is built with the engine, before the case file beans
  private final ObjectProvider<CaseFileService> caseFiles;

  CaseFileRecorder(ObjectProvider<CaseFileService> caseFiles) {
    this.caseFiles = caseFiles;
  }

  void record(String businessKey, String actor, String action, String activityId, String outcome) {
    withCase(businessKey, activityId, service -> service.record(businessKey, actor, action, activityId, outcome));
  }

  void updateStatus(String businessKey, String status, String activityId) {
    withCase(businessKey, activityId, service -> service.updateStatus(businessKey, status));
  }

  void setDeadline(String businessKey, String kind, Date dueAt, Date warningAt, String activityId) {
    withCase(businessKey, activityId, service -> service.setDeadline(businessKey, kind, dueAt, warningAt));
  }

  void completeDeadline(String businessKey, String kind, String activityId) {
    withCase(businessKey, activityId, service -> service.completeDeadline(businessKey, kind, EngineClock.now()));
  }

  private void withCase(String businessKey, String activityId, Consumer<CaseFileService> write) {
    CaseFileService service = caseFiles.getObject();
    if (businessKey == null || !service.exists(businessKey)) {
      log.debug("no case file for business key {}: nothing recorded at {}", businessKey, activityId);
      return;
    }
    write.accept(service);
  }
}
