package org.serviceflow.casefile;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseDeadlineRepository extends JpaRepository<CaseDeadline, Long> {

  Optional<CaseDeadline> findByCaseIdAndKind(Long caseId, String kind);

  List<CaseDeadline> findByCaseIdOrderByDueAtAscKindAsc(Long caseId);
}
