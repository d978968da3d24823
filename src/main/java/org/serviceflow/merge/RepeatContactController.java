package org.serviceflow.merge;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.serviceflow.casefile.CaseType;
import org.serviceflow.identity.CurrentUser;
import org.serviceflow.web.BadRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 并单 at intake: {@code GET /api/cases/duplicates} offers the open cases a new contact may repeat;
 * {@code POST /api/cases/{master}/contacts} merges it into one (the answer gives the master's number and deadline);
 * {@code POST /api/cases/{master}/contacts/{id}/split} lets the lead split a wrong merge off into a new case.
 * Intake staff of the process and its lead may look and merge; only the lead splits (and camunda-admin).
 */
@RestController
@RequestMapping("/api/cases")
class RepeatContactController {

  private final DuplicateCandidates duplicates;
  private final RepeatContacts contacts;
  private final MergeableProcesses processes;
  private final CurrentUser currentUser;

  RepeatContactController(DuplicateCandidates duplicates, RepeatContacts contacts, MergeableProcesses processes,
      CurrentUser currentUser) {
    this.duplicates = duplicates;
    this.contacts = contacts;
    this.processes = processes;
    this.currentUser = currentUser;
  }

  record SplitRequest(@NotBlank(message = "请填写拆单原因") @Size(max = 500) String reason) {
  }

  /**
   * @param type        the new contact's process: complaint or hotline12345
   * @param phone       the caller's phone
   * @param orderNumber the order or serial number (complaints: 产品或订单号)
   * @param subject     what the caller says, compared with each open case's subject
   */
  @GetMapping("/duplicates")
  List<DuplicateCandidates.Candidate> duplicates(@RequestParam(required = false) String type,
      @RequestParam(required = false) String phone, @RequestParam(required = false) String orderNumber,
      @RequestParam(required = false) String subject) {
    MergeableProcess process = processes.of(type(type))
        .orElseThrow(() -> new BadRequestException("type", "该类型不支持并单：" + type));
    processes.requireIntake(process);
    if (blank(subject)) {
      throw new BadRequestException("subject", "请填写来电内容");
    }
    if (blank(phone) && blank(orderNumber)) {
      throw new BadRequestException("phone", "来电号码和订单号至少填写一项");
    }
    // as the system: reading the open instances' subjects needs engine rights intake staff do not hold
    return currentUser.asSystem(() -> duplicates.find(process, blank(phone) ? null : phone.strip(),
        blank(orderNumber) ? null : orderNumber.strip(), subject.strip()));
  }

  @PostMapping("/{caseNumber}/contacts")
  @ResponseStatus(HttpStatus.CREATED)
  RepeatContacts.Merged attach(@PathVariable String caseNumber, @Valid @RequestBody RepeatContactRequest request) {
    return contacts.attach(caseNumber, request);
  }

  @PostMapping("/{caseNumber}/contacts/{contactId}/split")
  @ResponseStatus(HttpStatus.CREATED)
  RepeatContacts.Split split(@PathVariable String caseNumber, @PathVariable long contactId,
      @Valid @RequestBody SplitRequest request) {
    return contacts.split(caseNumber, contactId, request.reason());
  }

  private static CaseType type(String key) {
    if (blank(key)) {
      throw new BadRequestException("type", "请填写案件类型（complaint 或 hotline12345）");
    }
    for (CaseType type : CaseType.values()) {
      if (type.processKey().equals(key.strip())) {
        return type;
      }
    }
    throw new BadRequestException("type", "必须是以下代码之一: complaint, hotline12345");
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
