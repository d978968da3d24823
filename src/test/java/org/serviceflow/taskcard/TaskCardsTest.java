package org.serviceflow.taskcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.casefile.CaseType;
import org.serviceflow.casefile.CaseView;
import org.serviceflow.casefile.DeadlineState;

/** The case line of a task card, the labels read from the forms, and who is told an intake's deadline. */
class TaskCardsTest {

  static final OffsetDateTime OPENED = OffsetDateTime.parse("2026-11-02T09:00:00+08:00");

  @Test
  void shouldStartTheDescriptionWithTheCaseLineAndKeepTheModelsDocumentation() {
    CaseView complaint = view("TS26110001", CaseType.COMPLAINT, "李四", "kefu1", List.of());

    assertThat(TaskCards.description(complaint, "  首次回应客户。 ")).isEqualTo("TS26110001 · 客户：李四\n\n首次回应客户。");
    assertThat(TaskCards.description(complaint, null)).isEqualTo("TS26110001 · 客户：李四");
  }

  @Test
  void shouldReplaceTheCaseLineWhenTheTaskIsDescribedAgain() {
    String first = TaskCards.description(view("RX2611020001", CaseType.HOTLINE, "王五", "huawu", List.of()), "派单。");
    CaseView masked = view("RX2611020001", CaseType.HOTLINE, "（保密）", "huawu", List.of());

    assertThat(TaskCards.description(masked, TaskCards.documentation("RX2611020001", first)))
        .isEqualTo("RX2611020001 · 诉求人：（保密）\n\n派单。");
    assertThat(TaskCards.documentation("RX2611020001", "RX2611020001 · 诉求人：王五")).isNull();
    assertThat(TaskCards.documentation("RX2611020001", "派单。")).isEqualTo("派单。");
  }

  @Test
  void shouldSayWhyATaskIsServedFirstOnTheSecondLineAndKeepItWhenDescribedAgain() {
    CaseView complaint = view("TS26110001", CaseType.COMPLAINT, "李四", "kefu1", List.of());

    String first = TaskCards.description(complaint, "A类客户", null, "首次回应客户。");
    assertThat(first).isEqualTo("TS26110001 · 客户：李四\n优先处理：A类客户\n\n首次回应客户。");
    assertThat(TaskCards.description(complaint, "A类客户、紧急", null, null))
        .isEqualTo("TS26110001 · 客户：李四\n优先处理：A类客户、紧急");
    assertThat(TaskCards.description(complaint, " ", null, null)).isEqualTo("TS26110001 · 客户：李四");
    // described again (an assignment): the old case line and reason line go, the documentation stays once
    assertThat(TaskCards.description(complaint, "A类客户", null, TaskCards.documentation("TS26110001", first)))
        .isEqualTo(first);
    assertThat(TaskCards.documentation("TS26110001", "TS26110001 · 客户：李四\n优先处理：A类客户")).isNull();
  }

  @Test
  void shouldNameARunningPauseAfterTheReasonAndTakeItOutOnResume() {
    CaseView complaint = view("TS26110001", CaseType.COMPLAINT, "李四", "kefu1", List.of());

    String paused = TaskCards.description(complaint, "A类客户", "客户原因，自 2026-12-07 10:00", "首次回应客户。");
    assertThat(paused).isEqualTo("TS26110001 · 客户：李四\n优先处理：A类客户\n挂起中：客户原因，自 2026-12-07 10:00\n\n首次回应客户。");
    // 恢复: the line goes, the rest stays; 挂起 again: one line, the new pause's
    String resumed = TaskCards.withPause(paused, "TS26110001", null);
    assertThat(resumed).isEqualTo("TS26110001 · 客户：李四\n优先处理：A类客户\n\n首次回应客户。");
    assertThat(TaskCards.withPause(TaskCards.withPause(resumed, "TS26110001", "等待鉴定，自 2026-12-08 09:00"),
        "TS26110001", "等待鉴定，自 2026-12-08 09:30"))
        .isEqualTo("TS26110001 · 客户：李四\n优先处理：A类客户\n挂起中：等待鉴定，自 2026-12-08 09:30\n\n首次回应客户。");
    assertThat(TaskCards.withPause("TS26110001 · 客户：李四", "TS26110001", "客户原因，自 2026-12-07 10:00"))
        .isEqualTo("TS26110001 · 客户：李四\n挂起中：客户原因，自 2026-12-07 10:00");
    // a line of the documentation that happens to start alike is not the card's
    assertThat(TaskCards.withPause("TS26110001 · 客户：李四\n\n挂起中：说明里的", "TS26110001", null))
        .isEqualTo("TS26110001 · 客户：李四\n\n挂起中：说明里的");
    assertThat(TaskCards.withPause("首次回应客户。", "TS26110001", "客户原因")).as("no case card").isEqualTo("首次回应客户。");
  }

  @Test
  void shouldNameThePartyAsEachProcessCallsItAndAnAnonymousOne() {
    assertThat(TaskCards.caseLine(view("RX2611020001", CaseType.HOTLINE, null, "huawu", List.of())))
        .isEqualTo("RX2611020001 · 诉求人：（未留姓名）");
    assertThat(TaskCards.caseLine(view("LC26110001", CaseType.PROCESS_CHANGE, "liuchengjingli", "x", List.of())))
        .isEqualTo("LC26110001 · 申请人：liuchengjingli");
    assertThat(TaskCards.caseLine(view("SH26110001", CaseType.AFTER_SALES, "李四", "x", List.of())))
        .isEqualTo("SH26110001 · 客户：李四");
  }

  @Test
  void shouldCutALongDescriptionToTheEnginesColumn() {
    String description = TaskCards.description(view("TS26110001", CaseType.COMPLAINT, "李四", "x", List.of()),
        "说".repeat(5000));

    assertThat(description).hasSize(TaskCards.DESCRIPTION_LENGTH).startsWith("TS26110001 · 客户：李四").endsWith("…");
  }

  @Test
  void shouldLabelTheCodesOfTheFormsOfTheProcessOnly() throws IOException {
    List<byte[]> files;
    try (Stream<Path> forms = Files.walk(Path.of("forms"))) {
      files = forms.filter(file -> file.toString().endsWith(".form")).map(TaskCardsTest::read).toList();
    }

    FormCodeLabels labels = FormCodeLabels.of(files,
        List.of("complaint_StartEvent_ComplaintReceived", "complaint_Task_FirstResponse"));

    assertThat(labels.label("category", "product-quality")).isEqualTo("产品质量");
    assertThat(labels.label("severity", "major")).isEqualTo("重大");
    assertThat(labels.label("firstResponseChannel", "sms")).isEqualTo("短信");
    assertThat(labels.label("category", "housing")).as("a 12345 category: another process's form").isNull();
    assertThat(labels.label("appealType", "report")).isNull();
    assertThat(labels.variables()).contains("category", "severity", "customerTier", "channel", "firstResponseChannel")
        .doesNotContain("verificationResult");
  }

  @Test
  void shouldTellOnlyTheCasesOwnerTheNumberAndFirstRunningDeadline() {
    CaseFileService caseFiles = mock(CaseFileService.class);
    CaseView complaint = view("TS26110001", CaseType.COMPLAINT, "李四", "kefu1", List.of(
        new CaseView.Deadline("FIRST_RESPONSE", OPENED.plusHours(24), OPENED.plusHours(20), OPENED.plusHours(2),
            DeadlineState.MET, "已完成", true, null, null),
        new CaseView.Deadline("VERIFICATION", OffsetDateTime.parse("2026-11-05T17:30:00+08:00"), null, null,
            DeadlineState.IN_TIME, "按时", null, null, null)));
    when(caseFiles.exists("TS26110001")).thenReturn(true);
    when(caseFiles.get("TS26110001")).thenReturn(complaint);
    IntakeNotices notices = new IntakeNotices(caseFiles, mock(org.camunda.bpm.engine.TaskService.class),
        mock(org.serviceflow.calendar.WorkingDayCalendar.class));

    assertThat(notices.forOwner("TS26110001", "kefu1")).hasValueSatisfying(notice -> assertThat(notice)
        .containsEntry("caseNumber", "TS26110001").containsEntry("dueAt", "2026-11-05 17:30"));
    assertThat(notices.forOwner("TS26110001", "kefu2")).isEmpty();
    assertThat(notices.forOwner("TS26119999", "kefu1")).isEmpty();
  }

  private static CaseView view(String number, CaseType type, String customer, String owner,
      List<CaseView.Deadline> deadlines) {
    return new CaseView(number, type, type.processKey(), type.label(), "pi-1", customer, "13812345678", null,
        null, null, null, null, null, null, "已受理", "customer-service", "客服部", owner, false, null, OPENED, null, null,
        null, deadlines);
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
