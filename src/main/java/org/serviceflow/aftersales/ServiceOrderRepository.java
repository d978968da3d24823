package org.serviceflow.aftersales;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ServiceOrderRepository extends JpaRepository<ServiceOrder, Long> {

  Optional<ServiceOrder> findByCaseNumber(String caseNumber);

  /** The latest order of the serial number completed at or after the instant, other than the given case. */
  Optional<ServiceOrder> findFirstBySerialNumberAndCaseNumberNotAndCompletedAtGreaterThanEqualOrderByCompletedAtDesc(
      String serialNumber, String caseNumber, Instant completedSince);

  /** Open work of a technician: dispatched orders not completed yet. */
  long countByTechnicianAndCompletedAtIsNull(String technician);
}
