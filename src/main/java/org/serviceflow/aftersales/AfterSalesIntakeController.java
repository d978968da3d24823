package org.serviceflow.aftersales;

import jakarta.validation.Valid;
import org.serviceflow.casefile.CaseFileLinks;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/service-requests: intake of a service request (售后服务申请) by an authenticated
 * customer-service clerk. 201 with the service order number and Location of its case file; invalid
 * input is answered with 400 problem details naming each field (org.serviceflow.web) before
 * anything is written.
 */
@RestController
@RequestMapping("/api/service-requests")
class AfterSalesIntakeController {

  private final AfterSalesIntakeService intake;

  AfterSalesIntakeController(AfterSalesIntakeService intake) {
    this.intake = intake;
  }

  @PostMapping
  ResponseEntity<AfterSalesIntakeService.Receipt> receive(@Valid @RequestBody ServiceRequest request) {
    AfterSalesIntakeService.Receipt receipt = intake.receive(request);
    return ResponseEntity.created(CaseFileLinks.caseFile(receipt.caseNumber())).body(receipt);
  }
}
