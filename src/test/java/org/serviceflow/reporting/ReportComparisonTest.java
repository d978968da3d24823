package org.serviceflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.serviceflow.reporting.ReportComparison.CellComparison;
import org.serviceflow.reporting.ReportComparison.Presence;
import org.serviceflow.reporting.ReportComparison.RowComparison;
import org.serviceflow.reporting.ReportComparison.TableComparison;
import org.serviceflow.reporting.ReportTable.Kind;

/** The frozen copy of a report against the same month compiled again (issue 10.2), on figures written here. */
class ReportComparisonTest {

  static final YearMonth SEPTEMBER = YearMonth.of(2025, 9);
  static final Instant FROZEN_AT = Instant.parse("2025-10-09T01:00:00Z");
  static final Instant LIVE_AT = Instant.parse("2026-12-07T02:00:00Z");

  @Test
  void shouldFindNothingWhenOnlyTheNumbersTypesDiffer() {
    // given the frozen copy as read back from JSON (Integer, Double) and the live one as compiled (Long, BigDecimal)
    ReportFigures frozen = figures(FROZEN_AT, units().row(1, "unit-market", "市场监管局", 4, 0.75, 300.0).build());
    ReportFigures live = figures(LIVE_AT,
        units().row(1L, "unit-market", "市场监管局", 4L, 0.75, new BigDecimal("300.00")).build());

    // when
    ReportComparison comparison = ReportComparison.of(7, frozen, live);

    // then
    assertThat(comparison.identical()).isTrue();
    assertThat(comparison.recordId()).isEqualTo(7);
    assertThat(comparison.type()).isEqualTo("unitAssessment");
    assertThat(comparison.period()).isEqualTo(SEPTEMBER);
    assertThat(comparison.frozenAt()).isEqualTo(FROZEN_AT);
    assertThat(comparison.liveAt()).isEqualTo(LIVE_AT);
    TableComparison table = comparison.tables().get(0);
    assertThat(table.changed()).isFalse();
    assertThat(table.presence()).isEqualTo(Presence.BOTH);
    RowComparison row = table.rows().get(0);
    assertThat(row.presence()).isEqualTo(Presence.BOTH);
    assertThat(row.cells().values()).noneMatch(CellComparison::changed);
    assertThat(row.cells().get("received").difference()).isEqualTo(0L);
    assertThat(row.cells().get("fines").difference()).isEqualTo(0.0);
    assertThat(row.cells().get("unitName").difference()).isNull();
  }

  @Test
  void shouldMarkChangedCellsAndRowsFoundInOneCopyOnly() {
    // given 市场监管局 received a 5th dispatch later, 住建局's rows were dropped and 街道 has rows only now
    ReportFigures frozen = figures(FROZEN_AT, units()
        .row(1, "unit-market", "市场监管局", 4, 0.75, 0.0)
        .row(2, "unit-housing", "住建局", 2, null, 0.0).build());
    ReportFigures live = figures(LIVE_AT, units()
        .row(1L, "unit-market", "市场监管局", 5L, 0.8, 0.0)
        .row(2L, "unit-street-a", "街道(示例)", 1L, 1.0, 0.0).build());

    // when
    ReportComparison comparison = ReportComparison.of(7, frozen, live);

    // then the market's row is matched by its texts (not by its rank) and its received and rate cells changed
    assertThat(comparison.identical()).isFalse();
    TableComparison table = comparison.tables().get(0);
    assertThat(table.changed()).isTrue();
    assertThat(table.rows()).extracting(RowComparison::presence)
        .containsExactly(Presence.BOTH, Presence.FROZEN_ONLY, Presence.LIVE_ONLY);
    RowComparison market = table.rows().get(0);
    assertThat(market.changed()).isTrue();
    assertThat(market.cells().get("received")).isEqualTo(new CellComparison(4, 5L, 1L, true));
    assertThat(market.cells().get("rank").changed()).isFalse();
    CellComparison rate = market.cells().get("responseRate");
    assertThat(rate.changed()).isTrue();
    assertThat(rate.difference().doubleValue()).isEqualTo(0.05);
    assertThat(market.cells().get("fines").changed()).isFalse();
    // the rows in one copy only: their values on their side, nothing on the other, no cell marked on its own
    RowComparison housing = table.rows().get(1);
    assertThat(housing.changed()).isTrue();
    assertThat(housing.cells().get("unitName")).isEqualTo(new CellComparison("住建局", null, null, false));
    assertThat(housing.cells().get("responseRate")).isEqualTo(new CellComparison(null, null, null, false));
    RowComparison street = table.rows().get(2);
    assertThat(street.cells().get("received")).isEqualTo(new CellComparison(null, 1L, null, false));
  }

  @Test
  void shouldMatchRowsWithTheSameTextsInOrderAndMarkATableFoundInOneCopyOnly() {
    // given two late steps of the same case (same texts), the second one now 3 hours late instead of 2
    ReportTable.Builder late = ReportTable.builder("lateSteps", "超时明细").column("caseNumber", "案件编号", Kind.TEXT)
        .column("hours", "超时小时", Kind.HOURS);
    ReportFigures frozen = figures(FROZEN_AT, late.row("RX2509001", 1.5).row("RX2509001", 2.0).build());
    ReportTable.Builder lateNow = ReportTable.builder("lateSteps", "超时明细").column("caseNumber", "案件编号", Kind.TEXT)
        .column("hours", "超时小时", Kind.HOURS);
    ReportTable extra = ReportTable.builder("extra", "新增表").column("note", "说明", Kind.TEXT).row("新").build();
    ReportFigures live = figures(LIVE_AT, lateNow.row("RX2509001", 1.5).row("RX2509001", 3.0).build(), extra);

    // when
    ReportComparison comparison = ReportComparison.of(8, frozen, live);

    // then
    TableComparison steps = comparison.tables().get(0);
    assertThat(steps.rows()).extracting(RowComparison::presence).containsExactly(Presence.BOTH, Presence.BOTH);
    assertThat(steps.rows().get(0).changed()).isFalse();
    assertThat(steps.rows().get(1).cells().get("hours")).isEqualTo(new CellComparison(2.0, 3.0, 1.0, true));
    TableComparison added = comparison.tables().get(1);
    assertThat(added.key()).isEqualTo("extra");
    assertThat(added.presence()).isEqualTo(Presence.LIVE_ONLY);
    assertThat(added.changed()).isTrue();
    assertThat(added.rows()).singleElement().satisfies(row -> {
      assertThat(row.presence()).isEqualTo(Presence.LIVE_ONLY);
      assertThat(row.cells().get("note").live()).isEqualTo("新");
    });
    assertThat(comparison.identical()).isFalse();
  }

  private static ReportTable.Builder units() {
    return ReportTable.builder("units", "承办单位考核").column("rank", "排名", Kind.COUNT)
        .column("unit", "单位", Kind.TEXT).column("unitName", "单位名称", Kind.TEXT)
        .column("received", "派单数", Kind.COUNT).column("responseRate", "响应率", Kind.RATE)
        .column("fines", "罚款", Kind.MONEY).perUnit("unit");
  }

  private static ReportFigures figures(Instant compiledAt, ReportTable... tables) {
    return new ReportFigures("unitAssessment", "12345 承办单位考核", SEPTEMBER, compiledAt, List.of(tables));
  }
}
