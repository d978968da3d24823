package org.serviceflow.casefile;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A case file as the signed-in caller may read it: every {@link CaseViewPolicy} applied, so one place decides
 * for the case file API, the timeline, the pauses and the case page. Unknown numbers throw (404), a refusing
 * policy throws {@link org.camunda.bpm.engine.AuthorizationException} (403).
 */
@Component
public class CaseReadAccess {

  private final CaseFileService caseFiles;
  private final List<CaseViewPolicy> policies;

  CaseReadAccess(CaseFileService caseFiles, List<CaseViewPolicy> policies) {
    this.caseFiles = caseFiles;
    this.policies = policies;
  }

  public CaseView visible(String caseNumber) {
    CaseView view = caseFiles.readable(caseNumber);
    for (CaseViewPolicy policy : policies) {
      view = policy.visibleTo(view);
    }
    return view;
  }
}
