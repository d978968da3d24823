package org.serviceflow.pause;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CasePauseRepository extends JpaRepository<CasePause, Long> {

  Optional<CasePause> findByCaseNumberAndEndedAtIsNull(String caseNumber);

  List<CasePause> findByCaseNumberOrderByStartedAtAsc(String caseNumber);

  List<CasePause> findByEndedAtIsNullAndReminderTaskIdIsNull();
}
