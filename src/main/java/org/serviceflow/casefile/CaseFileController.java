package org.serviceflow.casefile;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read access to case files for staff and auditors, as each {@link CaseViewPolicy} lets the caller see
 * them. An unknown number answers 404 (problem detail); a case a policy refuses answers 403, its timeline too.
 */
@RestController
@RequestMapping("/api/cases")
class CaseFileController {

  private final CaseFileService caseFiles;
  private final CaseReadAccess readAccess;

  CaseFileController(CaseFileService caseFiles, CaseReadAccess readAccess) {
    this.caseFiles = caseFiles;
    this.readAccess = readAccess;
  }

  @GetMapping("/{caseNumber}")
  CaseView caseFile(@PathVariable String caseNumber) {
    return readAccess.visible(caseNumber);
  }

  /** The same policies decide first whether the caller may see the case at all (one may refuse it). */
  @GetMapping("/{caseNumber}/timeline")
  List<TimelineEntryView> timeline(@PathVariable String caseNumber) {
    caseFile(caseNumber);
    return caseFiles.timeline(caseNumber);
  }
}
