package org.serviceflow.merge;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.casefile.CaseType;
import org.serviceflow.casefile.CaseView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The open cases a new contact may repeat (并单 candidates): of the same type, with the same customer phone (case
 * file) or the same order / serial number (the process's variable), and a similar subject
 * ({@link SubjectSimilarity} at least {@link #SIMILAR}), most similar first. Closed cases are never offered.
 * Runs as the system: the caller's right to look was checked by {@link MergeableProcesses#requireIntake}.
 */
@Service
@Transactional(readOnly = true)
class DuplicateCandidates {

  /** The least bigram Jaccard index of two subjects that counts as similar. */
  static final double SIMILAR = 0.15;

  private final CaseFileService caseFiles;
  private final RuntimeService runtimeService;

  DuplicateCandidates(CaseFileService caseFiles, RuntimeService runtimeService) {
    this.caseFiles = caseFiles;
    this.runtimeService = runtimeService;
  }

  /** A candidate master: why it matched (phone, orderNumber), how similar its subject is, its state and deadline. */
  record Candidate(String caseNumber, String status, String subject, double similarity, List<String> matchedOn,
      OffsetDateTime openedAt, MasterDeadline deadline) {
  }

  List<Candidate> find(MergeableProcess process, String phone, String orderNumber, String subject) {
    CaseType type = process.type();
    Map<String, List<String>> matches = new LinkedHashMap<>();
    if (phone != null) {
      caseFiles.openCasesWithPhone(type, phone).forEach(number -> matched(matches, number, "phone"));
    }
    if (orderNumber != null && process.referenceVariable().isPresent()) {
      runtimeService.createProcessInstanceQuery().processDefinitionKey(type.processKey())
          .variableValueEquals(process.referenceVariable().get(), orderNumber).list().stream()
          .map(ProcessInstance::getBusinessKey).filter(caseFiles::exists)
          .forEach(number -> matched(matches, number, "orderNumber"));
    }
    List<Candidate> candidates = new ArrayList<>();
    matches.forEach((number, on) -> {
      CaseView master = caseFiles.get(number);
      if (master.closedAt() != null || master.processInstanceId() == null) {
        return;
      }
      Object text = runtimeService.getVariable(master.processInstanceId(), process.subjectVariable());
      double similarity = SubjectSimilarity.of(subject, text instanceof String s ? s : null);
      if (similarity >= SIMILAR) {
        candidates.add(new Candidate(number, master.status(), excerpt(text), Math.round(similarity * 100) / 100.0,
            List.copyOf(on), master.openedAt(), MasterDeadline.of(master)));
      }
    });
    candidates.sort(Comparator.comparingDouble(Candidate::similarity).reversed()
        .thenComparing(Candidate::openedAt, Comparator.reverseOrder()));
    return candidates;
  }

  private static void matched(Map<String, List<String>> matches, String caseNumber, String on) {
    matches.computeIfAbsent(caseNumber, n -> new ArrayList<>()).add(on);
  }

  private static String excerpt(Object text) {
    String s = text instanceof String value ? value : "";
    return s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }
}
