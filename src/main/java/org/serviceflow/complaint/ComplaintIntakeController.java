package org.serviceflow.complaint;

import jakarta.validation.Valid;
import org.serviceflow.casefile.CaseFileLinks;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/complaints: intake of a complaint (受理登记) by an authenticated customer-service
 * clerk. 201 with the case number and Location of its case file; invalid input is answered with
 * 400 problem details naming each field (org.serviceflow.web) before anything is written.
 */
@RestController
@RequestMapping("/api/complaints")
class ComplaintIntakeController {

  private final ComplaintIntakeService intake;

  ComplaintIntakeController(ComplaintIntakeService intake) {
    this.intake = intake;
  }

  @PostMapping
  ResponseEntity<ComplaintIntakeService.Receipt> receive(@Valid @RequestBody ComplaintRequest request) {
    ComplaintIntakeService.Receipt receipt = intake.receive(request);
    return ResponseEntity.created(CaseFileLinks.caseFile(receipt.caseNumber())).body(receipt);
  }
}
