package org.serviceflow.casefile;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read access to case files for staff and auditors. An unknown number answers 404 (problem detail). */
@RestController
@RequestMapping("/api/cases")
class CaseFileController {

  private final CaseFileService caseFiles;

  CaseFileController(CaseFileService caseFiles) {
    this.caseFiles = caseFiles;
  }

  @GetMapping("/{caseNumber}")
  CaseView caseFile(@PathVariable String caseNumber) {
    return caseFiles.get(caseNumber);
  }

  @GetMapping("/{caseNumber}/timeline")
  List<TimelineEntryView> timeline(@PathVariable String caseNumber) {
    return caseFiles.timeline(caseNumber);
  }
}
