package org.serviceflow.hotline;

import jakarta.validation.Valid;
import org.serviceflow.casefile.CaseFileLinks;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/hotline/appeals: intake of a 12345 appeal (受理) by an authenticated hotline operator.
 * 201 with the case number, the handling time limit and Location of its case file; invalid input
 * is answered with 400 problem details naming each field (org.serviceflow.web) before anything is
 * written.
 */
@RestController
@RequestMapping("/api/hotline/appeals")
class HotlineIntakeController {

  private final HotlineIntakeService intake;

  HotlineIntakeController(HotlineIntakeService intake) {
    this.intake = intake;
  }

  @PostMapping
  ResponseEntity<HotlineIntakeService.Receipt> receive(@Valid @RequestBody AppealRequest request) {
    HotlineIntakeService.Receipt receipt = intake.receive(request);
    return ResponseEntity.created(CaseFileLinks.caseFile(receipt.caseNumber())).body(receipt);
  }
}
