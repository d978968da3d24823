package org.serviceflow.casefile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Writes the automatic timeline entries of the engine listeners. A process instance without business key,
 * or whose business key is no case number, has no case file: nothing is written and nothing fails.
 */
@Component
class CaseTimelineRecorder {

  private static final Logger log = LoggerFactory.getLogger(CaseTimelineRecorder.class);

  // resolved at the first event: the plugin holding this recorder is built with the engine, before the case file beans
  private final ObjectProvider<CaseFileService> caseFiles;

  CaseTimelineRecorder(ObjectProvider<CaseFileService> caseFiles) {
    this.caseFiles = caseFiles;
  }

  void record(String businessKey, String actor, String action, String activityId, String outcome) {
    CaseFileService service = caseFiles.getObject();
    if (businessKey == null || !service.exists(businessKey)) {
      log.debug("no case file for business key {}: timeline entry '{}' at {} not written", businessKey, action, activityId);
      return;
    }
    service.record(businessKey, actor, action, activityId, outcome);
  }
}
