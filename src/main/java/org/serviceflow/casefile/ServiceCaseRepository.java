package org.serviceflow.casefile;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ServiceCaseRepository extends JpaRepository<ServiceCase, Long> {

  Optional<ServiceCase> findByCaseNumber(String caseNumber);

  boolean existsByCaseNumber(String caseNumber);

  List<ServiceCase> findByProcessTypeAndCustomerPhoneAndClosedAtIsNullOrderByOpenedAtDesc(CaseType type, String phone);
}
