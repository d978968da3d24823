package org.serviceflow.merge;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.serviceflow.casefile.CaseType;
import org.springframework.data.jpa.repository.JpaRepository;

interface RepeatContactRepository extends JpaRepository<RepeatContact, Long> {

  List<RepeatContact> findByMasterCaseNumberOrderByReceivedAtAscIdAsc(String masterCaseNumber);

  Optional<RepeatContact> findByIdAndMasterCaseNumber(Long id, String masterCaseNumber);

  long countByProcessTypeAndSplitCaseNumberIsNullAndReceivedAtGreaterThanEqualAndReceivedAtLessThan(CaseType type,
      Instant from, Instant to);
}
