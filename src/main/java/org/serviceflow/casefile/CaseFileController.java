package org.serviceflow.casefile;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read access to case files for staff and auditors, as each {@link CaseViewPolicy} lets the caller see
 * them. An unknown number answers 404 (problem detail).
 */
@RestController
@RequestMapping("/api/cases")
class CaseFileController {

  private final CaseFileService caseFiles;
  private final List<CaseViewPolicy> policies;

  CaseFileController(CaseFileService caseFiles, List<CaseViewPolicy> policies) {
    this.caseFiles = caseFiles;
    this.policies = policies;
  }

  @GetMapping("/{caseNumber}")
  CaseView caseFile(@PathVariable String caseNumber) {
    CaseView view = caseFiles.get(caseNumber);
    for (CaseViewPolicy policy : policies) {
      view = policy.visibleTo(view);
    }
    return view;
  }

  @GetMapping("/{caseNumber}/timeline")
  List<TimelineEntryView> timeline(@PathVariable String caseNumber) {
    return caseFiles.timeline(caseNumber);
  }
}
