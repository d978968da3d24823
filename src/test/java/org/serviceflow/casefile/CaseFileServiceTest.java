package org.serviceflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@ActiveProfiles("test")
class CaseFileServiceTest {

  @Autowired
  CaseFileService caseFiles;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  PlatformTransactionManager transactionManager;

  @AfterEach
  void resetEngineClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldOpenCaseWithNumberCaseRowAndIntakeEntry() {
    // given a complaint received on 2026-11-05 10:00 Shanghai time by clerk cs1
    Instant receivedAt = OffsetDateTime.parse("2026-11-05T10:00:00+08:00").toInstant();

    // when
    String caseNumber = caseFiles.open(complaint("cs1", receivedAt));
    String next = caseFiles.open(complaint("cs1", receivedAt));

    // then the numbers are TS + 2611 + a 4-digit serial, consecutive
    assertThat(caseNumber).matches("TS2611\\d{4}");
    assertThat(serial(next)).isEqualTo(serial(caseNumber) + 1);
    CaseView view = caseFiles.get(caseNumber);
    assertThat(view.processType()).isEqualTo(CaseType.COMPLAINT);
    assertThat(view.processKey()).isEqualTo("complaint");
    assertThat(view.processInstanceId()).isEqualTo("pi-1");
    assertThat(view.customerName()).isEqualTo("张三");
    assertThat(view.customerPhone()).isEqualTo("13800000000");
    assertThat(view.customerEmail()).isEqualTo("zhangsan@example.com");
    assertThat(view.channel()).isEqualTo("电话");
    assertThat(view.category()).isEqualTo("产品质量");
    assertThat(view.severity()).isEqualTo("一般");
    assertThat(view.ownerGroup()).isEqualTo("customer-service");
    assertThat(view.ownerUser()).isEqualTo("cs1");
    assertThat(view.status()).isEqualTo(CaseFileService.STATUS_OPENED);
    assertThat(view.openedAt()).isEqualTo(OffsetDateTime.parse("2026-11-05T10:00:00+08:00"));
    assertThat(view.closedAt()).isNull();
    assertThat(view.flaggedForReview()).isFalse();
    assertThat(view.deadlines()).isEmpty();
    assertThat(caseFiles.timeline(caseNumber)).singleElement().satisfies(entry -> {
      assertThat(entry.actor()).isEqualTo("cs1");
      assertThat(entry.action()).isEqualTo("受理");
      assertThat(entry.occurredAt()).isEqualTo(view.openedAt());
      assertThat(entry.outcome()).contains(caseNumber).contains("电话");
    });
  }

  @Test
  void shouldTakeDatePartInShanghaiAndEngineTimeWhenOpenedAtIsMissing() {
    // given the engine clock at 2026-11-30 17:00 UTC, which is already 2026-12-01 01:00 in Shanghai
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-30T17:00:00Z")));

    // when
    String complaint = caseFiles.open(complaint(null, null));
    String hotline = caseFiles.open(new NewCase(CaseType.HOTLINE, null, "李四", "13900000000", null, "12345电话",
        "住房", "一般", "hotline-operators", null, null));

    // then
    assertThat(complaint).startsWith("TS2612");
    assertThat(hotline).matches("RX261201\\d{4}");
    assertThat(caseFiles.get(hotline).openedAt().toInstant()).isEqualTo(Instant.parse("2026-11-30T17:00:00Z"));
    assertThat(caseFiles.timeline(hotline)).singleElement()
        .satisfies(entry -> assertThat(entry.actor()).isEqualTo("系统"));
  }

  @Test
  void shouldAppendTimelineEntriesOldestFirstWithEngineTime() {
    // given
    String caseNumber = caseFiles.open(complaint("cs1", Instant.parse("2026-11-05T02:00:00Z")));
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-05T03:00:00Z")));
    caseFiles.record(caseNumber, "quality1", "核实投诉", "属实");
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-05T04:00:00Z")));

    // when
    caseFiles.record(caseNumber, null, "发送受理通知", null);

    // then
    assertThat(caseFiles.timeline(caseNumber))
        .extracting(TimelineEntryView::action, TimelineEntryView::actor, TimelineEntryView::outcome,
            entry -> entry.occurredAt().toInstant())
        .containsExactly(
            tuple("受理", "cs1", "投诉已受理，编号 " + caseNumber + "，渠道：电话", Instant.parse("2026-11-05T02:00:00Z")),
            tuple("核实投诉", "quality1", "属实", Instant.parse("2026-11-05T03:00:00Z")),
            tuple("发送受理通知", "系统", null, Instant.parse("2026-11-05T04:00:00Z")));
  }

  @Test
  void shouldStoreReplaceAndCompleteDeadlines() {
    // given
    String caseNumber = caseFiles.open(complaint("cs1", Instant.parse("2026-11-05T02:00:00Z")));
    Instant firstDue = Instant.parse("2026-11-10T09:30:00Z");
    caseFiles.setDeadline(caseNumber, "VERIFICATION", Date.from(firstDue), Date.from(firstDue.minusSeconds(86400)));
    caseFiles.setDeadline(caseNumber, "FIRST_RESPONSE", Date.from(Instant.parse("2026-11-06T02:00:00Z")), null);

    // when the verification deadline is replaced, then met twice (a retried step)
    Instant extendedDue = Instant.parse("2026-11-12T09:30:00Z");
    caseFiles.setDeadline(caseNumber, "VERIFICATION", Date.from(extendedDue), null);
    caseFiles.completeDeadline(caseNumber, "VERIFICATION", Instant.parse("2026-11-11T01:00:00Z"));
    caseFiles.completeDeadline(caseNumber, "VERIFICATION", Instant.parse("2026-11-11T05:00:00Z"));

    // then one row per kind, earliest due first; the replaced one has the new due, no warning, the first met instant
    assertThat(caseFiles.get(caseNumber).deadlines()).hasSize(2).satisfiesExactly(
        first -> {
          assertThat(first.kind()).isEqualTo("FIRST_RESPONSE");
          assertThat(first.metAt()).isNull();
        },
        second -> {
          assertThat(second.kind()).isEqualTo("VERIFICATION");
          assertThat(second.dueAt()).isEqualTo(OffsetDateTime.parse("2026-11-12T17:30:00+08:00"));
          assertThat(second.warningAt()).isNull();
          assertThat(second.metAt().toInstant()).isEqualTo(Instant.parse("2026-11-11T01:00:00Z"));
        });
    assertThatThrownBy(() -> caseFiles.completeDeadline(caseNumber, "RETURN_VISIT", Instant.now()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("RETURN_VISIT");
  }

  @Test
  void shouldLabelCategoryAndSeverityAsTheStartFormOffersThem() {
    // given a complaint and a 12345 appeal with the codes their start forms store, and a code no form knows
    String complaint = caseFiles.open(new NewCase(CaseType.COMPLAINT, "pi-2", "张三", null, null, "phone",
        "product-quality", "major", "customer-service", "cs1", Instant.parse("2026-11-05T02:00:00Z")));
    String appeal = caseFiles.open(new NewCase(CaseType.HOTLINE, "pi-3", "王五", null, null, "12345",
        "market", "urgent", "hotline-operators", "huawu", Instant.parse("2026-11-05T02:00:00Z")));
    String unknown = caseFiles.open(new NewCase(CaseType.COMPLAINT, "pi-4", "张三", null, null, "phone",
        "no-such-category", null, "customer-service", "cs1", Instant.parse("2026-11-05T02:00:00Z")));

    // then codes stay, labels are the forms' Chinese ones; an unknown code reads as it is, none as none
    assertThat(caseFiles.get(complaint)).extracting(CaseView::category, CaseView::categoryLabel, CaseView::severity,
        CaseView::severityLabel, CaseView::ownerGroupLabel, CaseView::channelLabel)
        .containsExactly("product-quality", "产品质量", "major", "重大", "客服部", "电话");
    assertThat(caseFiles.get(appeal)).extracting(CaseView::categoryLabel, CaseView::severityLabel)
        .containsExactly("市场监管", "紧急");
    assertThat(caseFiles.get(unknown)).extracting(CaseView::categoryLabel, CaseView::severityLabel)
        .containsExactly("no-such-category", null);
  }

  @Test
  void shouldStateEachDeadlineAgainstTheEngineClock() {
    // given a verification due 11-10 17:30 with its warning a day before, and a first response due 11-06 10:00
    String caseNumber = caseFiles.open(complaint("cs1", Instant.parse("2026-11-05T02:00:00Z")));
    Instant due = Instant.parse("2026-11-10T09:30:00Z");
    caseFiles.setDeadline(caseNumber, "VERIFICATION", Date.from(due), Date.from(due.minusSeconds(86400)));
    caseFiles.setDeadline(caseNumber, "FIRST_RESPONSE", Date.from(Instant.parse("2026-11-06T02:00:00Z")), null);

    // then: in time before the warning, warned from it on, overdue after the due instant
    assertThat(stateAt(caseNumber, "VERIFICATION", "2026-11-08T00:00:00Z")).isEqualTo(DeadlineState.IN_TIME);
    assertThat(stateAt(caseNumber, "VERIFICATION", "2026-11-09T09:30:00Z")).isEqualTo(DeadlineState.WARNED);
    assertThat(stateAt(caseNumber, "VERIFICATION", "2026-11-10T09:30:00Z")).isEqualTo(DeadlineState.WARNED);
    assertThat(stateAt(caseNumber, "VERIFICATION", "2026-11-10T09:30:01Z")).isEqualTo(DeadlineState.OVERDUE);

    // when the first response is done late and the verification in time
    caseFiles.completeDeadline(caseNumber, "FIRST_RESPONSE", Instant.parse("2026-11-06T03:00:00Z"));
    caseFiles.completeDeadline(caseNumber, "VERIFICATION", Instant.parse("2026-11-10T09:30:00Z"));

    // then both read 已完成, with whether they were in time, whatever the clock says
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-01T00:00:00Z")));
    assertThat(caseFiles.get(caseNumber).deadlines()).extracting(CaseView.Deadline::kind, CaseView.Deadline::state,
            CaseView.Deadline::stateLabel, CaseView.Deadline::metInTime)
        .containsExactly(tuple("FIRST_RESPONSE", DeadlineState.MET, "已完成", false),
            tuple("VERIFICATION", DeadlineState.MET, "已完成", true));
  }

  @Test
  void shouldRecordAnExtensionUntilTheDeadlineOpensForANewRound() {
    // given a handling deadline due 11-10 17:30, warned from 11-09 17:30
    String caseNumber = caseFiles.open(complaint("cs1", Instant.parse("2026-11-05T02:00:00Z")));
    Instant due = Instant.parse("2026-11-10T09:30:00Z");
    caseFiles.setDeadline(caseNumber, "HANDLING", Date.from(due), Date.from(due.minusSeconds(86400)));

    // when an extension of two days is approved on 11-09 12:00 (already warned), then a pause moves it an hour on
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-09T12:00:00Z")));
    assertThat(stateAt(caseNumber, "HANDLING", "2026-11-09T12:00:00Z")).isEqualTo(DeadlineState.WARNED);
    Instant extended = Instant.parse("2026-11-12T09:30:00Z");
    caseFiles.extendDeadline(caseNumber, "HANDLING", Date.from(extended), Date.from(extended.minusSeconds(86400)));
    caseFiles.setDeadline(caseNumber, "HANDLING", Date.from(extended.plusSeconds(3600)),
        Date.from(extended.minusSeconds(86400 - 3600)));

    // then it reads 已延期, keeps the first due instant and the approval, and warns and overdues as before
    CaseView.Deadline handling = deadline(caseNumber, "HANDLING");
    assertThat(handling.state()).isEqualTo(DeadlineState.EXTENDED);
    assertThat(handling.stateLabel()).isEqualTo("已延期");
    assertThat(handling.originalDueAt().toInstant()).isEqualTo(due);
    assertThat(handling.extendedAt().toInstant()).isEqualTo(Instant.parse("2026-11-09T12:00:00Z"));
    assertThat(handling.dueAt().toInstant()).isEqualTo(extended.plusSeconds(3600));
    assertThat(stateAt(caseNumber, "HANDLING", "2026-11-11T11:00:00Z")).isEqualTo(DeadlineState.WARNED);
    assertThat(stateAt(caseNumber, "HANDLING", "2026-11-12T10:30:01Z")).isEqualTo(DeadlineState.OVERDUE);

    // when the work is done and a new round opens the deadline again (a re-handling)
    caseFiles.completeDeadline(caseNumber, "HANDLING", Instant.parse("2026-11-12T01:00:00Z"));
    caseFiles.setDeadline(caseNumber, "HANDLING", Date.from(Instant.parse("2026-11-20T09:30:00Z")), null);

    // then the extension belongs to the old round
    CaseView.Deadline again = deadline(caseNumber, "HANDLING");
    assertThat(again.originalDueAt()).isNull();
    assertThat(again.extendedAt()).isNull();
    assertThat(stateAt(caseNumber, "HANDLING", "2026-11-13T00:00:00Z")).isEqualTo(DeadlineState.IN_TIME);
    assertThatThrownBy(() -> caseFiles.extendDeadline(caseNumber, "REPLY", Date.from(extended), null))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("REPLY");
  }

  private DeadlineState stateAt(String caseNumber, String kind, String now) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(now)));
    return deadline(caseNumber, kind).state();
  }

  private CaseView.Deadline deadline(String caseNumber, String kind) {
    return caseFiles.get(caseNumber).deadlines().stream().filter(d -> d.kind().equals(kind)).findFirst()
        .orElseThrow();
  }

  @Test
  void shouldUpdateStatusFlagForReviewAndLinkProcessInstance() {
    // given
    String caseNumber = caseFiles.open(complaint("cs1", Instant.parse("2026-11-05T02:00:00Z")));

    // when
    caseFiles.updateStatus(caseNumber, "处理中");
    caseFiles.flagForReview(caseNumber, "超过办理时限");
    caseFiles.flagForReview(caseNumber, "重复投诉");
    caseFiles.linkProcessInstance(caseNumber, "pi-42");

    // then
    CaseView view = caseFiles.get(caseNumber);
    assertThat(view.status()).isEqualTo("处理中");
    assertThat(view.flaggedForReview()).isTrue();
    assertThat(view.reviewReason()).isEqualTo("超过办理时限；重复投诉");
    assertThat(view.processInstanceId()).isEqualTo("pi-42");
  }

  @Test
  void shouldCloseOnceWithOutcomeAndClosingEntry() {
    // given
    String caseNumber = caseFiles.open(complaint("cs1", Instant.parse("2026-11-05T02:00:00Z")));
    Instant closedAt = Instant.parse("2026-11-09T08:00:00Z");

    // when
    caseFiles.close(caseNumber, "已解决，客户满意", closedAt);

    // then
    CaseView view = caseFiles.get(caseNumber);
    assertThat(view.status()).isEqualTo(CaseFileService.STATUS_CLOSED);
    assertThat(view.closedAt().toInstant()).isEqualTo(closedAt);
    assertThat(view.outcome()).isEqualTo("已解决，客户满意");
    assertThat(caseFiles.timeline(caseNumber)).last().satisfies(entry -> {
      assertThat(entry.action()).isEqualTo("结案");
      assertThat(entry.actor()).isEqualTo("系统");
      assertThat(entry.outcome()).isEqualTo("已解决，客户满意");
      assertThat(entry.occurredAt().toInstant()).isEqualTo(closedAt);
    });
    assertThatThrownBy(() -> caseFiles.close(caseNumber, "again", closedAt))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining(caseNumber);
    assertThat(caseFiles.timeline(caseNumber)).filteredOn(e -> e.action().equals("结案")).hasSize(1);
  }

  @Test
  void shouldRejectUnknownCaseNumber() {
    assertThatThrownBy(() -> caseFiles.record("TS99990001", "x", "y", null))
        .isInstanceOf(CaseNotFoundException.class).hasMessage("未找到案件：TS99990001");
    assertThatThrownBy(() -> caseFiles.close("TS99990001", "x", null)).isInstanceOf(CaseNotFoundException.class);
    assertThatThrownBy(() -> caseFiles.get("TS99990001")).isInstanceOf(CaseNotFoundException.class);
    assertThat(caseFiles.exists("TS99990001")).isFalse();
  }

  @Test
  void shouldLeaveNoCaseRowWhenCallerRollsBackButNeverReuseTheNumber() {
    // given
    Instant receivedAt = Instant.parse("2026-11-05T02:00:00Z");
    TransactionTemplate callerTransaction = new TransactionTemplate(transactionManager);

    // when the caller's transaction rolls back after opening a case
    String rolledBack = callerTransaction.execute(status -> {
      String number = caseFiles.open(complaint("cs1", receivedAt));
      status.setRollbackOnly();
      return number;
    });
    String next = caseFiles.open(complaint("cs1", receivedAt));

    // then no case file and no timeline entry remain, and the number is not handed out again
    assertThat(caseFiles.exists(rolledBack)).isFalse();
    assertThat(jdbc.queryForObject("select count(*) from service_case where case_number = ?", Integer.class, rolledBack))
        .isZero();
    assertThat(serial(next)).isEqualTo(serial(rolledBack) + 1);
  }

  static NewCase complaint(String clerk, Instant receivedAt) {
    return new NewCase(CaseType.COMPLAINT, "pi-1", "张三", "13800000000", "zhangsan@example.com", "电话", "产品质量",
        "一般", "customer-service", clerk, receivedAt);
  }

  static int serial(String caseNumber) {
    return Integer.parseInt(caseNumber.substring(6));
  }
}
