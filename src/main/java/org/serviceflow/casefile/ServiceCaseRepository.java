package org.serviceflow.casefile;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Case files by id and by open cases of a phone; by case number through the natural id ({@link CaseFileService}). */
interface ServiceCaseRepository extends JpaRepository<ServiceCase, Long> {

  List<ServiceCase> findByProcessTypeAndCustomerPhoneAndClosedAtIsNullOrderByOpenedAtDesc(CaseType type, String phone);
}
