package org.serviceflow.processchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.casefile.CaseView;
import org.serviceflow.support.ProcessEngineTest;
import org.serviceflow.support.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Drives every path of processChange.bpmn and processManagementReport.bpmn with the real calendar, case
 * file, outbox, catalogue and repository (PROCESSES.md C). Timers are fired by moving the engine clock
 * and executing the due jobs. The class asserts 100% flow-node and sequence-flow coverage of the models
 * it runs (see {@link ProcessEngineTest}).
 */
@ProcessEngineTest
class ProcessChangeProcessTest extends ProcessTestSupport {

  /** A Monday in a month without holidays, so the working-day deadlines below are plain arithmetic. */
  static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2026-11-02T09:00:00+08:00");
  static final String APPLICANT = "liuchengjingli";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired AttachmentStore attachments;
  @Autowired ProcessCatalogue catalogue;
  @Autowired ProcessCatalogueSync catalogueSync;

  private final List<String> deploymentsToDelete = new ArrayList<>();

  @BeforeEach
  void initAssertions() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    identityService.clearAuthentication();
    deploymentsToDelete.forEach(id -> repositoryService.deleteDeployment(id, true));
    catalogueSync.sync();
  }

  // ------------------------------------------------------------------------------------------ paths

  @Test
  void shouldDeployTheChangedModelAsANewVersionOnTheEffectiveDateAfterTheGeneralManagerApproved() throws IOException {
    // given a changed complaint.bpmn (new name) with its forms, attached to a level-2 change
    int versionBefore = latest("complaint").getVersion();
    List<ModelFile> files = new ArrayList<>();
    files.add(new ModelFile("complaint.bpmn", Files.readString(Path.of("bpmn/complaint.bpmn"), StandardCharsets.UTF_8)
        .replaceFirst("name=\"投诉处理\"", "name=\"投诉处理（新版）\"").getBytes(StandardCharsets.UTF_8)));
    try (Stream<Path> forms = Files.list(Path.of("forms/complaint"))) {
      for (Path form : forms.sorted().toList()) {
        files.add(new ModelFile(form.getFileName().toString(), Files.readAllBytes(form)));
      }
    }
    Map<String, Object> application = application("change", "complaint", 2);
    application.put("attachmentSetId", attachments.save(files));
    application.put("affectedGroups", List.of("quality", "customer-service"));

    // when it passes every review
    ProcessInstance change = apply(application);
    String caseNumber = change.getBusinessKey();
    assertThat(caseNumber).matches("LC2611\\d+");
    assertThat(change).variables().containsEntry("attachmentNames", String.join("、", files.stream().map(ModelFile::name).toList()));
    Task formalReview = task(change, "Task_FormalReview");
    assertThat(candidateGroups(formalReview)).containsExactly("enterprise-management");
    assertThat(formalReview.getDueDate()).isEqualTo(date("2026-11-09T17:30:00+08:00"));
    assertThat(formalReview.getFollowUpDate()).isEqualTo(date("2026-11-05T17:30:00+08:00"));
    passReviews(change);
    Task approval = task(change, "Task_ApproveChange");
    assertThat(candidateGroups(approval)).containsExactly("general-manager");
    complete(change, "Task_ApproveChange", Map.of("approvalDecision", "approved", "approvalNote", "同意"));
    complete(change, "Task_FileChange", Map.of("newVersionTag", "1.1", "filingNote", "已归档"));

    // then the catalogue is filed, the groups are told and train before the effective date
    assertThat(catalogue.find("complaint")).get().satisfies(entry -> {
      assertThat(entry.versionTag()).isEqualTo("1.1");
      assertThat(entry.lastChangeCase()).isEqualTo(caseNumber);
      assertThat(entry.currentVersion()).isEqualTo(versionBefore);
    });
    assertThat(templatesSentTo(caseNumber, APPLICANT)).containsExactly("processChange.acknowledged");
    assertThat(templatesSentTo(caseNumber, "kefu1")).containsExactly("processChange.published");
    List<Task> trainings = taskService.createTaskQuery().processInstanceId(change.getId())
        .taskDefinitionKey("Task_ConfirmTraining").list();
    assertThat(trainings).hasSize(2).allSatisfy(training ->
        assertThat(training.getDueDate()).isEqualTo(date("2026-11-30T17:30:00+08:00")));
    assertThat(trainings).flatExtracting(this::candidateGroups).containsExactlyInAnyOrder("quality", "customer-service");
    fireTimer(change, "BoundaryEvent_TrainingOverdue", OffsetDateTime.parse("2026-11-30T17:30:00+08:00"));
    assertThat(templatesSentTo(caseNumber, "qiguan")).containsExactly("processChange.trainingOverdue");
    assertThat(templatesSentTo(caseNumber, "zhiliang1")).containsExactly("processChange.published",
        "processChange.trainingOverdue");
    trainings.forEach(training -> taskService.complete(training.getId(), Map.of("trainingNote", "已培训")));

    // and the engine still starts version 1 until the effective date
    assertThat(change).isWaitingAt("Event_EffectiveDate");
    Job effective = managementService.createJobQuery().processInstanceId(change.getId()).activityId("Event_EffectiveDate")
        .singleResult();
    assertThat(effective.getDuedate()).isEqualTo(date("2026-12-01T00:00:00+08:00"));
    assertThat(latest("complaint").getVersion()).isEqualTo(versionBefore);

    // when the effective date comes
    ClockUtil.setCurrentTime(date("2026-12-01T00:01:00+08:00"));
    managementService.executeJob(effective.getId());
    executeJobs(change);

    // then the changed model is the new version, on record with the approval
    ProcessDefinition deployed = latest("complaint");
    deploymentsToDelete.add(deployed.getDeploymentId());
    assertThat(deployed.getVersion()).isEqualTo(versionBefore + 1);
    assertThat(deployed.getName()).isEqualTo("投诉处理（新版）");
    assertThat(repositoryService.createDeploymentQuery().deploymentId(deployed.getDeploymentId()).singleResult())
        .satisfies(deployment -> {
          assertThat(deployment.getName()).isEqualTo("processChange " + caseNumber);
          assertThat(deployment.getSource()).isEqualTo(caseNumber);
        });
    assertThat(repositoryService.getDeploymentResourceNames(deployed.getDeploymentId()))
        .contains("complaint.bpmn", "Task_VerifyComplaint.form");
    assertThat(catalogue.find("complaint")).get().satisfies(entry -> {
      assertThat(entry.currentVersion()).isEqualTo(versionBefore + 1);
      assertThat(entry.deploymentId()).isEqualTo(deployed.getDeploymentId());
      assertThat(entry.lastChangeCase()).isEqualTo(caseNumber);
      assertThat(entry.status()).isEqualTo("active");
    });
    assertThat(catalogue.changesFiledIn(2026, ZoneId.of("Asia/Shanghai")))
        .filteredOn(c -> c.caseNumber().equals(caseNumber)).singleElement().satisfies(c -> {
          assertThat(c.versions()).isEqualTo("complaint:" + (versionBefore + 1));
          assertThat(c.effectiveAt()).isEqualTo(date("2026-12-01T00:01:00+08:00").toInstant());
        });
    assertThat(change).hasPassedInOrder("Task_FileChange", "Task_UpdateCatalogue", "Task_PublishChange",
        "Task_ConfirmTraining", "Event_EffectiveDate", "Task_DeployModels", "Task_CloseEffective",
        "EndEvent_ChangeEffective").isEnded();
    CaseView file = caseFiles.get(caseNumber);
    assertThat(file.status()).isEqualTo(CaseFileService.STATUS_CLOSED);
    assertThat(file.outcome()).isEqualTo("变更已生效");
  }

  @Test
  void shouldLetTheOwnerGroupApproveALevelThreeAdditionWithoutFiles() {
    // given a new level-3 process, without model files or affected groups, level as the API writes it (Long)
    Map<String, Object> application = application("add", "supplierAudit", 3L);
    application.put("targetProcessName", "供应商审核");
    application.put("affectedGroups", "");

    // when it passes every review and the owner group approves
    ProcessInstance change = apply(application);
    passReviews(change);
    assertThat(candidateGroups(task(change, "Task_ApproveChange"))).containsExactly("quality");
    complete(change, "Task_ApproveChange", Map.of("approvalDecision", "approved", "approvalNote", "同意"));
    complete(change, "Task_FileChange", Map.of("newVersionTag", "1.0", "filingNote", ""));
    assertThat(taskService.createTaskQuery().processInstanceId(change.getId()).count()).isZero();
    ClockUtil.setCurrentTime(date("2026-12-01T08:00:00+08:00"));
    executeJobs(change);

    // then the catalogue lists it from the approval, and nothing was deployed
    assertThat(change).hasPassed("Task_DeployModels", "EndEvent_ChangeEffective").isEnded();
    assertThat(repositoryService.createDeploymentQuery().deploymentSource(change.getBusinessKey()).count()).isZero();
    assertThat(catalogue.find("supplierAudit")).get().satisfies(entry -> {
      assertThat(entry.name()).isEqualTo("供应商审核");
      assertThat(entry.level()).isEqualTo(3);
      assertThat(entry.ownerGroup()).isEqualTo("quality");
      assertThat(entry.deploymentId()).isNull();
      assertThat(entry.lastChangeCase()).isEqualTo(change.getBusinessKey());
    });
  }

  @Test
  void shouldKeepTheApplicantOffEveryReviewOfTheirOwnChange() {
    // given a process manager who applies and also sits in every reviewing group
    Map<String, Object> application = application("add", "supplierAudit", 3L);
    application.put("targetProcessName", "供应商审核");
    application.put("affectedGroups", "");
    ProcessInstance change = apply(application);
    List<String> reviewingGroups = List.of("process-owners", "enterprise-management", "quality", "management-rep");
    Task formalReview = task(change, "Task_FormalReview");

    // then they neither see, claim nor complete the formal review (职责分离), while 企管部 does
    identityService.setAuthentication(APPLICANT, reviewingGroups);
    assertThat(taskService.createTaskQuery().processInstanceId(change.getId()).list()).isEmpty();
    assertThatThrownBy(() -> taskService.claim(formalReview.getId(), APPLICANT))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> taskService.complete(formalReview.getId(), Map.of("formalReviewResult", "pass")))
        .isInstanceOf(AuthorizationException.class);
    identityService.setAuthentication("qiguan", List.of("enterprise-management"));
    taskService.claim(formalReview.getId(), "qiguan");
    taskService.complete(formalReview.getId(), Map.of("formalReviewResult", "pass", "formalReviewNote", "符合"));
    identityService.clearAuthentication();

    // and no later review can be handed to them either
    for (String step : List.of("Task_ReviewMeeting", "Task_ManagementRepReview", "Task_ApproveChange")) {
      Task review = task(change, step);
      assertThatThrownBy(() -> taskService.setAssignee(review.getId(), APPLICANT)).as(step)
          .hasMessageContaining("职责分离：" + APPLICANT + " 是本事项的提出人，不能查看、认领、接办或完成对自己所提事项的“"
              + review.getName() + "”")
          .hasRootCauseInstanceOf(AuthorizationException.class);
      identityService.setAuthentication(APPLICANT, reviewingGroups);
      assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).as(step).isZero();
      identityService.clearAuthentication();
      complete(change, step, Map.of("meetingResult", "pass", "managementRepResult", "pass",
          "approvalDecision", "approved"));
    }
    assertThat(change).isWaitingAt("Task_FileChange");
  }

  @Test
  void shouldStartTheApprovalOfEveryOtherProcessWhoseDocumentsTheChangeAffects() {
    // given an approved level-3 change of complaint
    ProcessInstance change = apply(application("change", "complaint", 3));
    String caseNumber = change.getBusinessKey();
    passReviews(change);
    complete(change, "Task_ApproveChange", Map.of("approvalDecision", "approved", "approvalNote", "同意"));

    // when enterprise-management files it and names the after-sales process (and complaint itself) as affected
    identityService.setAuthentication("qiguan", List.of("enterprise-management"));
    try {
      complete(change, "Task_FileChange", Map.of("newVersionTag", "2.1", "filingNote", "归档",
          "affectedProcesses", List.of("afterSalesService", "complaint")));
    } finally {
      identityService.clearAuthentication();
    }

    // then the event subprocess starts one approval of this same process for afterSalesService (PROCESSES.md C.5)
    assertThat(change).hasPassed("StartEvent_AffectedDocumentsNamed").variables()
        .containsEntry("affectedProcessKeys", List.of("afterSalesService"));
    ProcessInstance related = runtimeService.createProcessInstanceQuery().superProcessInstanceId(change.getId())
        .singleResult();
    assertThat(related).isNotNull();
    assertThat(related.getBusinessKey()).startsWith("LC").isNotEqualTo(caseNumber);
    String name = catalogue.find("afterSalesService").map(CatalogueEntry::name).filter(n -> n != null && !n.isBlank())
        .orElse("afterSalesService");
    assertThat(related).isWaitingAt("Task_FormalReview").variables()
        .containsEntry("targetProcessKey", "afterSalesService").containsEntry("targetProcessName", name)
        .containsEntry("changeType", "change").containsEntry("level", 3).containsEntry("effectiveDate", "2026-12-01")
        .containsEntry("relatedChangeCase", caseNumber).containsEntry("applicant", "qiguan");
    assertThat((String) runtimeService.getVariable(related.getId(), "description"))
        .startsWith("随 " + caseNumber + "（投诉处理）的变更修改本流程的关联文件。");
    assertThat(caseFiles.get(related.getBusinessKey())).isNotNull();
    assertThat(change).isWaitingAt("CallActivity_ApproveAffectedDocuments");

    // and when that approval ends (here withdrawn), the change's own path goes on to its end
    complete(related, "Task_FormalReview", Map.of("formalReviewResult", "revise", "formalReviewNote", "暂缓"));
    complete(related, "Task_ReviseApplication", Map.of("revisionDecision", "withdraw", "revisionNote", "撤回"));
    assertThat(related).isEnded();
    assertThat(change).hasPassed("EndEvent_AffectedDocumentsDone");
    ClockUtil.setCurrentTime(date("2026-12-01T08:00:00+08:00"));
    executeJobs(change);
    assertThat(change).hasPassed("EndEvent_ChangeEffective").isEnded();
  }

  @Test
  void shouldSendBackInFormalReviewAndCloseARejectedChangeWithoutDeploying() {
    // given a level-1 change sent back in formal review and resubmitted
    ProcessInstance change = apply(application("change", "complaint", 1));
    String caseNumber = change.getBusinessKey();
    complete(change, "Task_FormalReview", Map.of("formalReviewResult", "revise", "formalReviewNote", "缺少流程图"));
    Task revision = task(change, "Task_ReviseApplication");
    assertThat(revision.getAssignee()).isEqualTo(APPLICANT);
    complete(change, "Task_ReviseApplication", Map.of("revisionDecision", "resubmit", "revisionNote", "已补充",
        "description", "补充流程图"));

    // when the general manager rejects it
    passReviews(change);
    complete(change, "Task_ApproveChange", Map.of("approvalDecision", "rejected", "approvalNote", "暂不变更"));

    // then the case is closed as rejected and nothing is deployed or filed
    assertThat(change).hasPassedInOrder("Task_FormalReview", "Task_ReviseApplication", "Task_FormalReview",
        "Task_ApproveChange", "Task_CloseRejected", "EndEvent_ChangeRejected").isEnded();
    assertThat(change).hasNotPassed("Task_FileChange", "Task_DeployModels");
    assertThat(caseFiles.get(caseNumber).outcome()).isEqualTo("未批准，未部署");
    assertThat(repositoryService.createDeploymentQuery().deploymentSource(caseNumber).count()).isZero();
    assertThat(jdbc.queryForObject("select count(*) from process_catalogue_change where case_number = ?", Integer.class,
        caseNumber)).isZero();
  }

  @Test
  void shouldLetTheManagementRepresentativeSendARequestBackForRevision() {
    // given a change that passed formal review and the review meeting
    ProcessInstance change = apply(application("change", "complaint", 2));
    complete(change, "Task_FormalReview", Map.of("formalReviewResult", "pass", "formalReviewNote", "符合"));
    complete(change, "Task_ReviewMeeting", Map.of("meetingResult", "pass", "meetingNote", "确认"));

    // when the management representative sends it back (PROCESSES.md C.4)
    complete(change, "Task_ManagementRepReview", Map.of("managementRepResult", "revise", "managementRepNote", "缺少培训计划"));

    // then the applicant revises it, it starts again at formal review, and the reason is on the record
    Task revision = task(change, "Task_ReviseApplication");
    assertThat(revision.getAssignee()).isEqualTo(APPLICANT);
    assertThat(change).hasPassedInOrder("Task_ManagementRepReview", "Gateway_ManagementRepAgreed", "Gateway_JoinRevision")
        .hasNotPassed("Task_DetermineApprover").isWaitingAt("Task_ReviseApplication");
    assertThat(timeline(change.getBusinessKey())).anySatisfy(entry -> {
      assertThat(entry.action()).isEqualTo("管理者代表审核");
      assertThat(entry.outcome()).contains("缺少培训计划");
    });
    complete(change, "Task_ReviseApplication", Map.of("revisionDecision", "resubmit", "revisionNote", "已补充培训计划"));
    assertThat(change).isWaitingAt("Task_FormalReview");
  }

  @Test
  void shouldSendBackInTheReviewMeetingAndCloseAWithdrawnChange() {
    // given a change the review meeting sends back
    ProcessInstance change = apply(application("change", "complaint", 2));
    complete(change, "Task_FormalReview", Map.of("formalReviewResult", "pass", "formalReviewNote", "符合"));
    assertThat(candidateGroups(task(change, "Task_ReviewMeeting"))).containsExactly("quality");
    complete(change, "Task_ReviewMeeting", Map.of("meetingResult", "revise", "meetingNote", "方案不成熟"));

    // when the applicant withdraws it
    complete(change, "Task_ReviseApplication", Map.of("revisionDecision", "withdraw", "revisionNote", "撤回"));

    // then it ends without deploying
    assertThat(change).hasPassedInOrder("Task_ReviewMeeting", "Task_ReviseApplication", "Task_CloseWithdrawn",
        "EndEvent_ChangeWithdrawn").isEnded();
    assertThat(caseFiles.get(change.getBusinessKey()).outcome()).isEqualTo("申请人撤回，未部署");
    assertThat(repositoryService.createDeploymentQuery().deploymentSource(change.getBusinessKey()).count()).isZero();
  }

  @Test
  void shouldRetireAProcessSoRunningCasesFinishAndNoNewOneStarts() {
    // given a deployed process with a running case
    String deploymentId = repositoryService.createDeployment().name("retire test")
        .addModelInstance("retireDemo.bpmn", Bpmn.createExecutableProcess("retireDemo").name("废止演示")
            .camundaHistoryTimeToLive(1).startEvent("StartEvent_Demo").userTask("Task_Demo").endEvent("EndEvent_Demo").done())
        .deploy().getId();
    deploymentsToDelete.add(deploymentId);
    ProcessInstance running = runtimeService.startProcessInstanceByKey("retireDemo");

    // when its retirement is approved and takes effect
    // (affected groups as the Tasklist start form's checklist stores them: JSON)
    Map<String, Object> application = application("retire", "retireDemo", 4);
    application.put("affectedGroups", Spin.JSON("[\"customer-service\"]"));
    ProcessInstance change = apply(application);
    passReviews(change);
    complete(change, "Task_ApproveChange", Map.of("approvalDecision", "approved", "approvalNote", "同意废止"));
    complete(change, "Task_FileChange", Map.of("newVersionTag", "废止", "filingNote", "废止归档"));
    assertThat(candidateGroups(task(change, "Task_ConfirmTraining"))).containsExactly("customer-service");
    complete(change, "Task_ConfirmTraining", Map.of("trainingNote", "已告知停止使用"));
    ClockUtil.setCurrentTime(date("2026-12-01T00:01:00+08:00"));
    executeJobs(change);

    // then no new case starts, the running one finishes, and the catalogue shows it retired
    assertThat(change).hasPassedInOrder("Gateway_ChangeType", "Task_RetireProcess", "Task_CloseEffective").isEnded();
    assertThat(latest("retireDemo").isSuspended()).isTrue();
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("retireDemo"))
        .isInstanceOf(ProcessEngineException.class);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(running.getId()).singleResult().isSuspended())
        .isFalse();
    complete(running, "Task_Demo", Map.of());
    assertThat(running).isEnded();
    assertThat(catalogue.find("retireDemo")).get().satisfies(entry -> {
      assertThat(entry.status()).isEqualTo("retired");
      assertThat(entry.lastChangeCase()).isEqualTo(change.getBusinessKey());
    });
  }

  @Test
  void shouldWarnAndEscalateEveryOverdueReviewStep() {
    // given a level-4 change (approved by the owner group)
    ProcessInstance change = apply(application("change", "complaint", 4));
    String caseNumber = change.getBusinessKey();

    // when every review step runs past its warning and its deadline
    overrun(change, "FormalReview", "2026-11-05T17:30:00+08:00", "2026-11-09T17:30:00+08:00");
    ClockUtil.setCurrentTime(date("2026-11-10T10:00:00+08:00"));
    complete(change, "Task_FormalReview", Map.of("formalReviewResult", "pass", "formalReviewNote", "符合"));
    overrun(change, "ReviewMeeting", "2026-11-13T17:30:00+08:00", "2026-11-17T17:30:00+08:00");
    ClockUtil.setCurrentTime(date("2026-11-18T10:00:00+08:00"));
    complete(change, "Task_ReviewMeeting", Map.of("meetingResult", "pass", "meetingNote", "确认"));
    overrun(change, "ManagementRepReview", "2026-11-23T17:30:00+08:00", "2026-11-25T17:30:00+08:00");
    ClockUtil.setCurrentTime(date("2026-11-26T10:00:00+08:00"));
    complete(change, "Task_ManagementRepReview", Map.of("managementRepResult", "pass", "managementRepNote", "同意"));
    overrun(change, "ApproveChange", "2026-12-01T17:30:00+08:00", "2026-12-03T17:30:00+08:00");
    complete(change, "Task_ApproveChange", Map.of("approvalDecision", "rejected", "approvalNote", "不同意"));

    // then the step's group was warned and enterprise-management got every escalation; the tasks stayed open
    assertThat(change).hasPassed("Task_WarnFormalReview", "Task_EscalateFormalReview", "Task_WarnReviewMeeting",
        "Task_EscalateReviewMeeting", "Task_WarnManagementRepReview", "Task_EscalateManagementRepReview",
        "Task_WarnApproveChange", "Task_EscalateApproveChange", "EndEvent_ChangeRejected").isEnded();
    assertThat(templatesSentTo(caseNumber, "qiguan")).containsExactly("processChange.reviewWarning",
        "processChange.reviewOverdue");
    assertThat(templatesSentTo(caseNumber, "zhiliang1")).containsExactly("processChange.reviewWarning");
    assertThat(templatesSentTo(caseNumber, "guanlidaibiao")).containsExactly("processChange.reviewWarning");
    assertThat(jdbc.queryForObject("select count(*) from notification where case_number = ? and recipient = 'qiguan' "
        + "and template_key = 'processChange.reviewOverdue' and channel = 'INBOX'", Integer.class, caseNumber)).isEqualTo(4);
    assertThat(caseFiles.get(caseNumber).deadlines()).extracting(CaseView.Deadline::kind)
        .containsExactlyInAnyOrder("FORMAL_REVIEW", "REVIEW_MEETING", "MANAGEMENT_REVIEW", "APPROVAL");
  }

  @Test
  void shouldCreateTheYearlyReportTaskListingTheYearsChanges() {
    // given the year-end timer and a change filed in its year
    Job yearEnd = managementService.createJobQuery().processDefinitionKey("processManagementReport").timers().singleResult();
    ZonedDateTime due = yearEnd.getDuedate().toInstant().atZone(ZoneId.of("Asia/Shanghai"));
    assertThat(List.of(due.getMonthValue(), due.getDayOfMonth(), due.getHour(), due.getMinute())).containsExactly(12, 31, 9, 0);
    catalogue.file("LC9912001", "complaint", null, null, null, null, "change", "9.9",
        due.withMonth(6).toInstant());

    // when it fires
    ClockUtil.setCurrentTime(date(due.plusMinutes(1).toOffsetDateTime()));
    managementService.executeJob(yearEnd.getId());

    // then enterprise-management writes the report with the year's changes
    ProcessInstance report = runtimeService.createProcessInstanceQuery().processDefinitionKey("processManagementReport")
        .active().singleResult();
    Task write = task(report, "Task_WriteAnnualReport");
    assertThat(candidateGroups(write)).containsExactly("enterprise-management");
    assertThat(runtimeService.getVariable(report.getId(), "reportYear")).isEqualTo(due.getYear());
    assertThat((String) runtimeService.getVariable(report.getId(), "reportSummary"))
        .startsWith(due.getYear() + " 年共批准流程变更").contains("LC9912001 complaint 变更 版本 9.9 归档 " + due.getYear() + "-06-");
    // and with the year's execution of every process from the history (000:385)
    Date from = Date.from(due.withDayOfYear(1).toLocalDate().atStartOfDay(due.getZone()).toInstant());
    Date to = Date.from(due.plusYears(1).withDayOfYear(1).toLocalDate().atStartOfDay(due.getZone()).toInstant()
        .minusMillis(1));
    long started = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("processChange")
        .startedAfter(from).startedBefore(to).count();
    long ended = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("processChange")
        .finishedAfter(from).finishedBefore(to).count();
    long late = historyService.createHistoricTaskInstanceQuery().processDefinitionKey("processChange")
        .finishedAfter(from).finishedBefore(to).list().stream()
        .filter(task -> task.getDueDate() != null && task.getEndTime().after(task.getDueDate())).count();
    String execution = (String) runtimeService.getVariable(report.getId(), "executionSummary");
    assertThat(execution).startsWith(due.getYear() + " 年流程执行情况\n")
        .contains("\n流程新增/变更审批（processChange）：发起 " + started + " 件，办结 " + ended + " 件，超期办理的任务 "
            + late + " 个")
        .contains("（complaint）：发起 ", "（afterSalesService）：发起 ", "（hotline12345）：发起 ");

    // and enterprise-management adds the year's inspection results, which go to the report's history
    complete(report, "Task_WriteAnnualReport", Map.of("inspectionResults", "三季度检查投诉处理流程：回访超期 3 件，已整改",
        "reportNote", "年度报告"));
    assertThat(report).isEnded();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(report.getId())
        .variableName("inspectionResults").singleResult().getValue()).isEqualTo("三季度检查投诉处理流程：回访超期 3 件，已整改");
  }

  // ------------------------------------------------------------------------------------------ task cards

  @Test
  void shouldAnswerTheTasklistStartWithTheChangeNumberAndCardTheFirstTaskWithApplicantAndLabels() {
    ClockUtil.setCurrentTime(date(RECEIVED));
    ProcessInstance change = submitStartFormAs(APPLICANT, "processChange",
        application("change", "complaint", 3));

    assertThat(change.getBusinessKey()).startsWith("LC" + RECEIVED.format(DateTimeFormatter.ofPattern("yyMM")));
    Task formalReview = task(change, "Task_FormalReview");
    assertThat(formalReview.getDescription()).startsWith(change.getBusinessKey() + " · 申请人：" + APPLICANT);
    assertThat(taskService.getVariablesLocal(formalReview.getId()))
        .containsEntry("changeTypeLabel", "变更").containsEntry("categoryLabel", "业务")
        .containsEntry("triggerLabel", "改进建议").containsEntry("ownerGroupLabel", "质量管理部");
  }

  // ------------------------------------------------------------------------------------------ default deadlines

  /** The Wednesday before the National Day holidays (Oct 1–7; Saturday Oct 10 is a make-up workday): wd 1 is Oct 8. */
  static final OffsetDateTime BEFORE_NATIONAL_DAY = OffsetDateTime.parse("2026-09-30T10:00:00+08:00");

  /** Tasks whose limit the sources do not give: the default of the time-limit table, counted from the task's start. */
  @ParameterizedTest(name = "{0}: due {1}, follow-up {4}")
  @CsvSource({
      // task, due, overdue notice, a member of a group it goes to, follow-up, warning notice, a member warned
      "Task_FileChange, 2026-10-08T17:30+08:00, processChange.filingOverdue, guanlidaibiao, , , ",
      "Task_ReviseApplication, 2026-10-13T17:30+08:00, processChange.revisionOverdue, qiguan, 2026-10-10T17:30+08:00, processChange.revisionWarning, liuchengjingli"})
  void shouldDueATaskWithoutSourceLimitByTheDefaultAndEscalateItWithoutTakingItAway(String taskKey, OffsetDateTime due,
      String overdueTemplate, String overdueRecipient, OffsetDateTime followUp, String warningTemplate,
      String warningRecipient) {
    ProcessInstance change = apply(application("change", "complaint", 3), BEFORE_NATIONAL_DAY);
    moveTo(change, taskKey);

    Task task = task(change, taskKey);
    assertThat(task.getDueDate()).isEqualTo(date(due));
    assertThat(task.getFollowUpDate()).isEqualTo(followUp == null ? null : date(followUp));
    String timers = taskKey.replace("Task_", "BoundaryEvent_");
    if (followUp != null) {
      fireDeadline(change, taskKey, timers + "Warning", followUp, warningTemplate, warningRecipient);
    }
    fireDeadline(change, taskKey, timers + "Overdue", due, overdueTemplate, overdueRecipient);
    assertThat(change).isWaitingAt(taskKey);
  }

  @Test
  void shouldDueTheYearlyReportTenWorkingDaysAfterItsStartAndWarnAndEscalateWithoutACaseFile() {
    // given the report step started before the National Day holidays (it has no case file: no business key)
    ClockUtil.setCurrentTime(date(BEFORE_NATIONAL_DAY));
    ProcessInstance report = runtimeService.createProcessInstanceByKey("processManagementReport")
        .startBeforeActivity("Task_DetermineTimeLimits").execute();
    Task write = task(report, "Task_WriteAnnualReport");
    OffsetDateTime warning = OffsetDateTime.parse("2026-10-19T17:30:00+08:00");
    OffsetDateTime due = OffsetDateTime.parse("2026-10-20T17:30:00+08:00");
    assertThat(write.getFollowUpDate()).isEqualTo(date(warning));
    assertThat(write.getDueDate()).isEqualTo(date(due));

    // when both timers fire at their instants
    for (var timer : List.of(Map.entry("BoundaryEvent_WriteAnnualReportWarning", warning),
        Map.entry("BoundaryEvent_WriteAnnualReportOverdue", due))) {
      assertThat(timer(report, timer.getKey()).getDuedate()).isEqualTo(date(timer.getValue()));
      ClockUtil.setCurrentTime(date(timer.getValue().plusMinutes(1)));
      managementService.executeJob(timer(report, timer.getKey()).getId());
    }

    // then enterprise-management was warned, the management representative got the escalation, the task is open
    assertThat(annualReportNotices("qiguan")).containsExactly("processChange.annualReportWarning",
        "processChange.annualReportOverdue");
    assertThat(annualReportNotices("guanlidaibiao")).containsExactly("processChange.annualReportOverdue");
    assertThat(report).isWaitingAt("Task_WriteAnnualReport").hasPassed("EndEvent_WriteAnnualReportWarned",
        "EndEvent_WriteAnnualReportEscalated");
  }

  private List<String> annualReportNotices(String recipient) {
    return jdbc.queryForList("select template_key from notification where case_number is null and recipient = ? "
        + "and channel = 'INBOX' and template_key like 'processChange.annualReport%' order by id", String.class, recipient);
  }

  // ------------------------------------------------------------------------------------------ helpers

  private Map<String, Object> application(String changeType, String targetKey, Number level) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("targetProcessKey", targetKey);
    variables.put("targetProcessName", "投诉处理");
    variables.put("changeType", changeType);
    variables.put("level", level);
    variables.put("category", "business");
    variables.put("trigger", "improvement");
    variables.put("description", "增加一个处理步骤");
    variables.put("effectiveDate", "2026-12-01");
    variables.put("ownerGroup", "quality");
    variables.put("affectedGroups", List.of());
    return variables;
  }

  private ProcessInstance apply(Map<String, Object> application) {
    return apply(application, RECEIVED);
  }

  private ProcessInstance apply(Map<String, Object> application, OffsetDateTime at) {
    ClockUtil.setCurrentTime(date(at));
    identityService.setAuthentication(APPLICANT, List.of("process-owners"));
    try {
      return runtimeService.startProcessInstanceByKey("processChange", application);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** Formal review, review meeting and management representative review pass; waits at the approval. */
  private void passReviews(ProcessInstance change) {
    complete(change, "Task_FormalReview", Map.of("formalReviewResult", "pass", "formalReviewNote", "符合"));
    complete(change, "Task_ReviewMeeting", Map.of("meetingResult", "pass", "meetingNote", "确认"));
    assertThat(candidateGroups(task(change, "Task_ManagementRepReview"))).containsExactly("management-rep");
    complete(change, "Task_ManagementRepReview", Map.of("managementRepResult", "pass", "managementRepNote", "同意"));
  }

  /** The step's due and follow-up dates are its timers' instants; both fire and the task stays open. */
  private void overrun(ProcessInstance change, String step, String warning, String deadline) {
    Task task = task(change, "Task_" + step);
    assertThat(task.getFollowUpDate()).isEqualTo(date(warning));
    assertThat(task.getDueDate()).isEqualTo(date(deadline));
    fireTimer(change, "BoundaryEvent_" + step + "Warning", OffsetDateTime.parse(warning));
    fireTimer(change, "BoundaryEvent_" + step + "Overdue", OffsetDateTime.parse(deadline));
    assertThat(change).isWaitingAt("Task_" + step);
  }

  private ProcessDefinition latest(String key) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
  }
}
