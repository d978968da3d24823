package org.serviceflow.processchange;

import java.util.ArrayList;
import java.util.List;
import org.serviceflow.casefile.CaseStarter;
import org.serviceflow.casefile.CaseStarter.StartedCase;
import org.serviceflow.web.BadRequestException;
import org.serviceflow.web.FieldProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts a process-change approval for a validated application, as the signed-in process owner.
 * Everything is checked first — the groups and the target process exist, the files suit the change
 * type and pass {@link ModelValidator} — then, in one transaction, the files are stored as one
 * attachment set and the process is started: either both happen or neither.
 */
@Service
class ProcessChangeIntakeService {

  private final CaseStarter cases;
  private final AttachmentStore attachments;
  private final ModelValidator validator;
  private final EngineLookups engine;
  private final TransactionTemplate transaction;

  ProcessChangeIntakeService(CaseStarter cases, AttachmentStore attachments, ModelValidator validator,
      EngineLookups engine, PlatformTransactionManager transactions) {
    this.cases = cases;
    this.attachments = attachments;
    this.validator = validator;
    this.engine = engine;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** The started case: its number (LC…, the business key), process instance and the names of the attached files. */
  record Receipt(String caseNumber, String processInstanceId, List<String> files) {
  }

  Receipt receive(ProcessChangeRequest request, List<ModelFile> files) {
    List<FieldProblem> problems = new ArrayList<>(checkRequest(request));
    problems.addAll(checkFilesForChangeType(request, files));
    validator.validate(files).forEach(problem -> problems.add(new FieldProblem(fileField(problem.file()), problem.toString())));
    if (!problems.isEmpty()) {
      throw new BadRequestException(problems);
    }
    return transaction.execute(status -> {
      String setId = files.isEmpty() ? null : attachments.save(files);
      StartedCase started = cases.start(ProcessChangeVariables.PROCESS_KEY, request.toVariables(setId));
      return new Receipt(started.caseNumber(), started.processInstanceId(), files.stream().map(ModelFile::name).toList());
    });
  }

  static String fileField(String fileName) {
    return "files[" + fileName + "]";
  }

  private List<FieldProblem> checkRequest(ProcessChangeRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    if (!engine.groupExists(request.ownerGroup().strip())) {
      problems.add(new FieldProblem("ownerGroup", "未知的用户组 '" + request.ownerGroup().strip() + "'"));
    }
    List<String> affected = request.affectedGroups() == null ? List.of() : request.affectedGroups();
    for (int i = 0; i < affected.size(); i++) {
      if (!engine.groupExists(affected.get(i).strip())) {
        problems.add(new FieldProblem("affectedGroups[" + i + "]", "未知的用户组 '" + affected.get(i).strip() + "'"));
      }
    }
    String key = request.targetProcessKey().strip();
    boolean deployed = engine.processDeployed(key);
    if (ProcessChangeVariables.ADD.equals(request.changeType()) && deployed) {
      problems.add(new FieldProblem("targetProcessKey", "流程 '" + key + "' 已存在：修改已有流程请选择“变更”"));
    }
    if (!ProcessChangeVariables.ADD.equals(request.changeType()) && !deployed) {
      problems.add(new FieldProblem("targetProcessKey", "流程 '" + key + "' 尚未部署，无法变更或废止"));
    }
    return problems;
  }

  /**
   * Retire deploys nothing, so it takes no files; a new process needs its model; a change may come
   * without files (an organisational change). A diagram may only be the target process's own.
   */
  private static List<FieldProblem> checkFilesForChangeType(ProcessChangeRequest request, List<ModelFile> files) {
    String key = request.targetProcessKey().strip();
    String ownDiagram = key + ".bpmn";
    List<FieldProblem> problems = new ArrayList<>();
    if (ProcessChangeVariables.RETIRE.equals(request.changeType()) && !files.isEmpty()) {
      problems.add(new FieldProblem("files", "废止流程不附模型文件"));
      return problems;
    }
    if (ProcessChangeVariables.ADD.equals(request.changeType()) && files.stream().noneMatch(f -> f.name().equals(ownDiagram))) {
      problems.add(new FieldProblem("files", "新增流程须附上流程图 " + ownDiagram));
    }
    files.stream()
        .filter(f -> "bpmn".equals(f.extension()) && !f.name().equals(ownDiagram))
        .forEach(f -> problems.add(new FieldProblem(fileField(f.name()), f.name()
            + ": 本申请只能附上流程 '" + key + "' 的流程图 " + ownDiagram + "，其他流程请另行申请变更")));
    return problems;
  }
}
