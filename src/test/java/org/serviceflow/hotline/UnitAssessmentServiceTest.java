package org.serviceflow.hotline;

import org.serviceflow.support.ProcessEngineTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The monthly unit assessment (PROCESSES.md D.12) on a generated month of June 2025 with known answers. The rows
 * are written as the process's delegates write them; units of this test only (unit-test-*), so that appeals of
 * other tests in the shared context do not count.
 */
@ProcessEngineTest
class UnitAssessmentServiceTest {

  static final YearMonth JUNE = YearMonth.of(2025, 6);

  @Autowired UnitAssessmentService assessments;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void generateJune() {
    if (jdbc.queryForObject("select count(*) from hotline_appeal where case_number like 'RXT%'", Integer.class) > 0) {
      return;
    }
    // unit-test-a: 20 dispatches from June 1st 00:00 Beijing time on; every 4th not signed in time, every 5th returned
    for (int i = 0; i < 20; i++) {
      String caseNumber = "RXT-A-D" + i;
      appeal(caseNumber, "unit-test-a", null, false);
      dispatch(caseNumber, "unit-test-a", at("2025-06-01T00:00:00+08:00").plusHours(30L * i), i % 4 != 0, i % 5 == 0);
    }
    // of the returns (0, 5, 10, 15): the 6th dispatch returned after the return limit, the 11th refused on review
    jdbc.update("update hotline_dispatch set return_in_time = case when case_number = 'RXT-A-D5' then false else true end, "
        + "return_accepted = case when case_number = 'RXT-A-D10' then false else true end "
        + "where returned and case_number like 'RXT-A-D%'");
    // unit-test-a: 16 appeals closed in June; satisfaction cycles satisfied / basically / unsatisfied / unreachable
    String[] satisfaction = {"satisfied", "basically-satisfied", "unsatisfied", "unreachable"};
    for (int i = 0; i < 16; i++) {
      String caseNumber = "RXT-A-C" + i;
      appeal(caseNumber, "unit-test-a", at("2025-06-02T10:00:00+08:00").plusDays(i), false);
      jdbc.update("update hotline_appeal set replied_on_time = ?, satisfaction = ?, resolved = ?, rehandles = ?, "
          + "extended = ?, supervisions = ? where case_number = ?", i % 8 != 0, satisfaction[i % 4], i % 2 == 0,
          i % 5 == 0 ? 1 : 0, i % 3 == 0, i % 8 == 1 ? 1 : 0, caseNumber);
    }
    // outside June (Beijing time) or never at a unit: not counted
    appeal("RXT-A-X1", "unit-test-a", null, false);
    dispatch("RXT-A-X1", "unit-test-a", at("2025-05-31T23:59:00+08:00"), true, false);
    appeal("RXT-A-X2", "unit-test-a", at("2025-07-01T00:00:00+08:00"), false);
    appeal("RXT-A-X3", "unit-test-a", at("2025-05-31T23:59:00+08:00"), false);
    appeal("RXT-X-DIRECT", null, at("2025-06-10T10:00:00+08:00"), true);
    // unit-test-c assists (协办) in four appeals started in June: in time; signed late; never signed (timed out); still
    // open; and one started in July
    assist("RXT-C-1", at("2025-06-03T10:00:00+08:00"), true, true, false);
    assist("RXT-C-2", at("2025-06-04T10:00:00+08:00"), false, true, false);
    assist("RXT-C-3", at("2025-06-05T10:00:00+08:00"), false, false, true);
    assist("RXT-C-4", at("2025-06-30T23:00:00+08:00"), true, null, false);
    assist("RXT-C-X", at("2025-07-01T00:00:00+08:00"), true, true, false);
    // unit-test-b: one dispatch signed in time, nothing closed
    appeal("RXT-B-D0", "unit-test-b", null, false);
    dispatch("RXT-B-D0", "unit-test-b", at("2025-06-30T23:59:00+08:00"), true, false);
  }

  @Test
  void shouldCountTheMonthsFiguresPerUnit() {
    UnitAssessment a = unit("unit-test-a");

    assertThat(a.received()).isEqualTo(20);
    assertThat(a.signedInTime()).isEqualTo(15);
    assertThat(a.returns()).isEqualTo(4);
    assertThat(a.lateReturns()).as("returned after the return limit").isOne();
    assertThat(a.refusedReturns()).as("returns refused on review").isOne();
    assertThat(a.closed()).isEqualTo(16);
    assertThat(a.closedOnTime()).isEqualTo(14);
    assertThat(a.resolved()).isEqualTo(8);
    assertThat(a.satisfied()).as("满意 + 基本满意").isEqualTo(8);
    assertThat(a.unreachable()).isEqualTo(4);
    assertThat(a.satisfactionBase()).as("closed without the unreachable").isEqualTo(12);
    assertThat(a.rehandles()).isEqualTo(4);
    assertThat(a.extensions()).isEqualTo(6);
    assertThat(a.supervisions()).isEqualTo(2);
  }

  @Test
  void shouldComputeTheRates() {
    UnitAssessment a = unit("unit-test-a");

    assertThat(a.responseRate()).isCloseTo(0.75, within(1e-9));
    assertThat(a.resolutionRate()).isCloseTo(0.5, within(1e-9));
    assertThat(a.satisfactionRate()).isCloseTo(8.0 / 12, within(1e-9));
    assertThat(a.onTimeCloseRate()).isCloseTo(14.0 / 16, within(1e-9));
    assertThat(a.returnRate()).isCloseTo(0.2, within(1e-9));
    assertThat(a.rehandleRate()).isCloseTo(0.25, within(1e-9));
    assertThat(a.extensionRate()).isCloseTo(6.0 / 16, within(1e-9));
  }

  @Test
  void shouldLeaveARateWithoutBaseEmpty() {
    UnitAssessment b = unit("unit-test-b");

    assertThat(b.received()).isOne();
    assertThat(b.responseRate()).isEqualTo(1.0);
    assertThat(b.closed()).isZero();
    assertThat(b.satisfactionRate()).isNull();
    assertThat(b.onTimeCloseRate()).isNull();
  }

  @Test
  void shouldListNoUnitForAMonthWithoutAppeals() {
    assertThat(assessments.assess(YearMonth.of(2025, 8))).noneMatch(u -> u.unit().startsWith("unit-test-"));
    assertThat(assessments.assess(JUNE)).extracting(UnitAssessment::unit).containsSubsequence("unit-test-a", "unit-test-b");
  }

  @Test
  void shouldCountEachAssistingPartForTheAssistingUnit() {
    AssistAssessment c = assessments.assists(JUNE).stream().filter(a -> a.unit().equals("unit-test-c")).findFirst()
        .orElseThrow();

    assertThat(c.assists()).as("started in June").isEqualTo(4);
    assertThat(c.ended()).as("replied or timed out").isEqualTo(3);
    assertThat(c.signedInTime()).as("ended parts signed for in time").isOne();
    assertThat(c.repliedInTime()).isEqualTo(2);
    assertThat(c.timedOut()).isOne();
    assertThat(c.signRate()).isCloseTo(1.0 / 3, within(1e-9));
    assertThat(c.replyRate()).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(assessments.lateSteps(JUNE)).filteredOn(step -> step.unit().equals("unit-test-c"))
        .extracting(UnitAssessmentService.LateStep::caseNumber, UnitAssessmentService.LateStep::what)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("RXT-C-2", "assist-sign-for"),
            org.assertj.core.groups.Tuple.tuple("RXT-C-3", "assist-reply"),
            org.assertj.core.groups.Tuple.tuple("RXT-C-3", "assist-sign-for"));
  }

  /** An assisting part as the hotlineAssist delegates leave it; a null reply is a part still open. */
  private void assist(String caseNumber, OffsetDateTime startedAt, boolean signedInTime, Boolean repliedInTime,
      boolean timedOut) {
    jdbc.update("insert into hotline_assist (case_number, lead_unit, unit, unit_name, started_at, sign_due_at, "
        + "reply_due_at, signed_at, signed_in_time, replied_at, replied_in_time, reply, timed_out, timeout_reason) "
        + "values (?, 'unit-test-a', 'unit-test-c', '测试协办单位', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", caseNumber,
        ts(startedAt), ts(startedAt.plusHours(24)), ts(startedAt.plusDays(5)), timedOut && !signedInTime ? null
        : ts(startedAt.plusHours(signedInTime ? 1 : 30)), signedInTime, repliedInTime == null || timedOut ? null
        : ts(startedAt.plusDays(repliedInTime ? 4 : 6)), timedOut ? Boolean.FALSE : repliedInTime,
        repliedInTime == null || timedOut ? null : "协办答复", timedOut, timedOut ? "逾期未签收，未答复" : null);
  }

  private UnitAssessment unit(String unit) {
    List<UnitAssessment> month = assessments.assess(JUNE);
    return month.stream().filter(u -> u.unit().equals(unit)).findFirst().orElseThrow();
  }

  private void appeal(String caseNumber, String unit, OffsetDateTime closedAt, boolean answeredDirectly) {
    jdbc.update("insert into hotline_appeal (case_number, appeal_type, urgency, received_at, unit, closed_at, "
        + "answered_directly) values (?, 'complaint', 'normal', ?, ?, ?, ?)", caseNumber,
        ts(at("2025-05-20T09:00:00+08:00")), unit, closedAt == null ? null : ts(closedAt), answeredDirectly);
  }

  private void dispatch(String caseNumber, String unit, OffsetDateTime at, boolean signedInTime, boolean returned) {
    jdbc.update("insert into hotline_dispatch (case_number, unit, dispatched_at, sign_due_at, return_due_at, "
        + "responded_at, signed_in_time, returned) values (?, ?, ?, ?, ?, ?, ?, ?)", caseNumber, unit, ts(at),
        ts(at.plusHours(24)), ts(at.plusDays(2)), ts(at.plusHours(1)), signedInTime, returned);
  }

  private static OffsetDateTime at(String iso) {
    return OffsetDateTime.parse(iso);
  }

  private static Timestamp ts(OffsetDateTime time) {
    return Timestamp.from(time.toInstant());
  }
}
