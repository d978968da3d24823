package org.serviceflow.processchange;

import jakarta.validation.Valid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.serviceflow.casefile.CaseFileLinks;
import org.serviceflow.web.BadRequestException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * POST /api/process-changes (multipart/form-data): a process owner applies for a process change
 * (流程新增/变更审批表) — part "request" (JSON) and zero or more parts "files" (.bpmn, .dmn, .form).
 * 201 with the LC case number and Location of its case file; a bad field or a file that fails the
 * model checks is answered with 400 problem details naming it, and nothing is started or stored.
 */
@RestController
@RequestMapping("/api/process-changes")
class ProcessChangeIntakeController {

  private final ProcessChangeIntakeService intake;

  ProcessChangeIntakeController(ProcessChangeIntakeService intake) {
    this.intake = intake;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<ProcessChangeIntakeService.Receipt> receive(@Valid @RequestPart("request") ProcessChangeRequest request,
      @RequestPart(name = "files", required = false) List<MultipartFile> files) {
    ProcessChangeIntakeService.Receipt receipt = intake.receive(request, modelFiles(files));
    return ResponseEntity.created(CaseFileLinks.caseFile(receipt.caseNumber())).body(receipt);
  }

  private static List<ModelFile> modelFiles(List<MultipartFile> files) {
    if (files == null) {
      return List.of();
    }
    return files.stream().map(ProcessChangeIntakeController::modelFile).toList();
  }

  private static ModelFile modelFile(MultipartFile file) {
    String name = StringUtils.getFilename(StringUtils.cleanPath(String.valueOf(file.getOriginalFilename())));
    if (name == null || name.isBlank() || "null".equals(name)) {
      throw new BadRequestException("files", "每个文件须带文件名（如 complaint.bpmn）");
    }
    try {
      return new ModelFile(name, file.getBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
