package org.serviceflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.serviceflow.reporting.ReportRecords;
import org.serviceflow.reporting.ReportType;
import org.serviceflow.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The managers' dashboard /reports/ in headless Debian Chromium on the whole application and embedded PostgreSQL,
 * signed in through the Tasklist login: the 12345 units of August 2025 (rows as the hotline delegates write them)
 * drawn by ECharts, a click on the highest bar listing that unit's late cases with links to their case pages, the
 * confirmed record and its page, the 12-month trend for the general manager (screenshot docs/images/reports-dashboard.png),
 * a unit's own row only, the message for a visitor who is not signed in, and a record compared with its month compiled
 * again after a case changed (screenshot docs/images/reports-comparison.png).
 */
@PostgresIntegrationTest
class ReportsDashboardIT {

  static final Path SCREENSHOT = Path.of(System.getProperty("reports-dashboard.screenshot",
      "docs/images/reports-dashboard.png"));
  static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
  static final Path COMPARISON_SCREENSHOT = Path.of(System.getProperty("reports-comparison.screenshot",
      "docs/images/reports-comparison.png"));
  static final String AUGUST = "2025-08";
  /** The comparison's month: no other test writes September 2025. */
  static final String SEPTEMBER = "2025-09";
  static final String LOADED = "body[data-loaded='true']";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReportRecords records;
  @Autowired TestRestTemplate rest;

  @BeforeAll
  static void requireChromium() {
    TasklistBrowser.assumeChromium();
  }

  @BeforeEach
  void generateAugust() {
    if (jdbc.queryForObject("select count(*) from hotline_appeal where case_number like 'RXD%'", Integer.class) > 0) {
      return;
    }
    // 市场监管局: three dispatches, the first two not signed for in time; 住建局: one appeal closed after its limit
    for (int i = 0; i < 3; i++) {
      appeal("RXD-M" + i, "unit-market", null, null);
      dispatch("RXD-M" + i, "unit-market", "2025-08-0" + (i + 4) + "T10:00:00+08:00", i == 2);
    }
    appeal("RXD-H0", "unit-housing", "2025-08-20T10:00:00+08:00", false);
    dispatch("RXD-H0", "unit-housing", "2025-08-01T10:00:00+08:00", true);
    // their case files: the sign-for deadlines as dispatched and met, and 住建局's handling limit met late
    jdbc.query("select case_number, sign_due_at, responded_at from hotline_dispatch where case_number like 'RXD%'",
        rs -> {
          long caseId = caseFile(rs.getString(1));
          deadline(caseId, "SIGN_FOR", rs.getTimestamp(2), rs.getTimestamp(3));
        });
    deadline(jdbc.queryForObject("select id from service_case where case_number = 'RXD-H0'", Long.class), "HANDLING",
        ts("2025-08-15T17:30:00+08:00"), ts("2025-08-20T10:00:00+08:00"));
    long id = records.compile(ReportType.UNIT_ASSESSMENT, YearMonth.parse(AUGUST), null, null);
    records.confirm(id, "duban", "八月考核已核对", "市场监管局加强签收值守", false);
  }

  private TasklistBrowser browser() {
    return new TasklistBrowser("http://localhost:" + port, SCREENSHOTS);
  }

  private static String text(TasklistBrowser browser, String css) {
    return (String) browser.script("var e = document.querySelector(arguments[0]); return e ? e.innerText : null;", css);
  }

  @Test
  void shouldDrawTheUnitsAndLeadFromTheLatestUnitToItsLateCases() {
    try (TasklistBrowser browser = browser()) {
      browser.login("duban", "demo");
      browser.open("/reports/?period=" + AUGUST, LOADED);

      // the bar chart is drawn, highest first: 市场监管局 late twice, 住建局 once
      assertThat(browser.script("return document.getElementById('units-chart').dataset.rendered;")).isEqualTo("true");
      assertThat((Long) browser.script("return document.querySelectorAll('#units-chart canvas').length;")).isPositive();
      assertThat(browser.script("return document.getElementById('units-chart').dataset.bars;"))
          .isEqualTo("unit-market:2,unit-housing:1");
      assertThat(text(browser, "#units tbody")).contains("市场监管局", "住建局", "33.3%");

      // when the supervisor clicks the highest bar, then: that unit's late cases, each linked to its case page
      @SuppressWarnings("unchecked")
      List<Number> bar = (List<Number>) browser.script("var c = echarts.getInstanceByDom("
          + "document.getElementById('units-chart')); return c.convertToPixel({seriesIndex: 0}, [0, 1]);");
      browser.clickAt("#units-chart", bar.get(0).intValue(), bar.get(1).intValue());
      assertThat(text(browser, "#late-title")).isEqualTo("超时明细：市场监管局");
      assertThat(text(browser, "#late tbody")).contains("RXD-M0", "RXD-M1", "签收超时").doesNotContain("RXD-H0");
      assertThat(browser.script("return document.querySelector('#late tbody a').getAttribute('href');"))
          .isEqualTo("/cases/RXD-M0");
      assertThat(browser.displayed("#trend-section")).as("the trend is for readers of the supervision report").isFalse();

      // the confirmed record is listed and opens with its frozen figures and comments
      assertThat(text(browser, "#records tbody")).contains("12345 承办单位考核", AUGUST, "已确认", "duban");
      browser.script("Array.from(document.querySelectorAll('#records tbody tr'))"
          + ".find(row => row.innerText.includes(arguments[0])).querySelector('a').click();", AUGUST);
      browser.open((String) browser.script("return window.location.pathname;"), LOADED + " #record-tables table");
      assertThat(text(browser, "#record-title")).isEqualTo("12345 承办单位考核（" + AUGUST + "）");
      assertThat(text(browser, "#record-facts")).contains("已确认", "八月考核已核对", "市场监管局加强签收值守");
      assertThat(text(browser, "#record-tables")).contains("市场监管局", "RXD-M0");
    }
  }

  @Test
  void shouldCompileEveryReportOnPostgreSql() {
    // a compiler that evaluates a decision writes decision history: PostgreSQL refuses that in a read-only transaction
    for (ReportType type : ReportType.values()) {
      ResponseEntity<String> figures = rest.withBasicAuth("zongjingli", "demo")
          .getForEntity("/api/reports/figures?type=" + type.key() + "&period=" + AUGUST, String.class);
      assertThat(figures.getStatusCode()).as("%s: %s", type, figures.getBody()).isEqualTo(HttpStatus.OK);
    }
  }

  @Test
  void shouldShowTheTrendToTheGeneralManagerAndOnlyItsOwnRowToAUnit() throws Exception {
    try (TasklistBrowser manager = browser()) {
      manager.login("zongjingli", "demo");
      manager.open("/reports/?period=" + AUGUST, LOADED);
      assertThat(manager.displayed("#trend-section")).isTrue();
      assertThat(manager.script("return document.getElementById('trend-chart').dataset.series;")).isEqualTo("4");
      // August's 12345 point: 5 deadlines due, 2 met in time (住建局's sign-for, 市场监管局's third) = 40 %
      assertThat(((Number) manager.script("return echarts.getInstanceByDom(document.getElementById('trend-chart'))"
          + ".getOption().series[3].data[11];")).doubleValue()).isEqualTo(40.0);
      assertThat((Long) manager.script("return document.querySelectorAll('#trend-chart canvas').length;")).isPositive();
      manager.screenshotTo(SCREENSHOT);
    }
    assertThat(Files.size(SCREENSHOT)).isGreaterThan(20_000);

    try (TasklistBrowser unit = browser()) {
      unit.open("/reports/", "body[data-loaded='error'] #message");
      assertThat(text(unit, "#message")).contains("请先登录", "登录 Tasklist");

      unit.login("shichang", "demo");
      unit.open("/reports/?period=" + AUGUST, LOADED);
      assertThat(text(unit, "#units tbody")).contains("市场监管局").doesNotContain("住建局");
      assertThat(unit.displayed("#trend-section")).isFalse();
    }
  }

  @Test
  void shouldCompareTheConfirmedRecordWithItsMonthCompiledAgainAfterACaseChanged() {
    // given September's assessment confirmed: 市场监管局 two dispatches, the second not signed for in time
    appeal("RXC-M0", "unit-market", null, null);
    dispatch("RXC-M0", "unit-market", "2025-09-02T10:00:00+08:00", true);
    appeal("RXC-M1", "unit-market", null, null);
    dispatch("RXC-M1", "unit-market", "2025-09-03T10:00:00+08:00", false);
    long id = records.compile(ReportType.UNIT_ASSESSMENT, YearMonth.parse(SEPTEMBER), null, null);
    records.confirm(id, "duban", "九月考核已核对", null, false);

    try (TasklistBrowser browser = browser()) {
      browser.login("duban", "demo");
      browser.open("/reports/" + id, LOADED + " #record-tables table");
      assertThat(text(browser, "#compare")).isEqualTo("重新编制并对比");

      // when nothing changed since: the month compiled again is the frozen copy
      compare(browser);
      assertThat(text(browser, "#comparison-summary")).startsWith("与冻结版本一致");
      assertThat((Long) browser.script("return document.querySelectorAll('#comparison-tables td.changed').length;"))
          .isZero();

      // when a September dispatch to each unit is recorded afterwards, both signed for in time
      appeal("RXC-M2", "unit-market", null, null);
      dispatch("RXC-M2", "unit-market", "2025-09-10T10:00:00+08:00", true);
      appeal("RXC-H0", "unit-housing", null, null);
      dispatch("RXC-H0", "unit-housing", "2025-09-11T10:00:00+08:00", true);
      compare(browser);

      // then 市场监管局's changed cells show the frozen and the live value and the difference: 2 → 3 dispatches,
      // 1/2 → 2/3 signed in time, and rank 1 → 2 (住建局 now ranks first by its response rate)
      assertThat(text(browser, "#comparison-summary")).startsWith("与冻结版本有 4 处不同");
      assertThat(cell(browser, "市场监管局", "received")).isEqualTo("2 → 3 （+1）");
      assertThat(cell(browser, "市场监管局", "responseRate")).isEqualTo("50.0% → 66.7% （+16.7 个百分点）");
      assertThat(cell(browser, "市场监管局", "rank")).isEqualTo("1 → 2 （+1）");
      assertThat(browser.script("return " + row("市场监管局") + ".querySelector(\"td[data-column='received'] .frozen\")"
          + ".innerText + '|' + " + row("市场监管局") + ".querySelector(\"td[data-column='received'] .live\").innerText;"))
          .isEqualTo("2|3");
      assertThat(browser.script("return " + row("市场监管局")
          + ".querySelector(\"td[data-column='returnRate']\").className;")).isEqualTo("number");
      // 住建局 has rows only in the month compiled again; the late step of RXC-M1 is in both copies, unchanged
      assertThat(browser.script("return " + row("住建局") + ".dataset.presence;")).isEqualTo("LIVE_ONLY");
      assertThat(browser.script("return " + row("住建局") + ".cells[0].innerText;")).isEqualTo("仅重新编制有");
      assertThat(browser.script("return " + row("RXC-M1") + ".cells[0].innerText;")).isEqualTo("一致");
      // and the frozen copy above is as confirmed
      assertThat(text(browser, "#record-tables")).doesNotContain("住建局");
      browser.script("document.getElementById('comparison-section').scrollIntoView();");
      browser.screenshotTo(COMPARISON_SCREENSHOT);
    }
    assertThat(records.find(id).orElseThrow().figures().tables().get(0).rows()).singleElement()
        .satisfies(market -> assertThat(((Number) market.get("received")).longValue()).isEqualTo(2));
  }

  /** Clicks 重新编制并对比 and waits (polling, up to 2 minutes under load) until the comparison is shown. */
  private static void compare(TasklistBrowser browser) {
    browser.script("document.getElementById('compare').scrollIntoView({block: 'center'});");
    browser.clickAt("#compare", 8, 8);
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
    while (!Boolean.TRUE.equals(browser.script(
        "return document.getElementById('comparison-section').dataset.loaded === 'true';"))) {
      assertThat(browser.script("return document.getElementById('comparison-section').dataset.loaded || '';"))
          .as("the comparison failed: %s", text(browser, "#comparison-summary")).isNotEqualTo("error");
      assertThat(System.nanoTime()).as("the comparison is shown within 2 minutes").isLessThan(deadline);
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** The comparison's row (of any table) that mentions the text, as a JavaScript expression. */
  private static String row(String text) {
    return "Array.from(document.querySelectorAll('#comparison-tables tbody tr')).find(r => r.innerText.includes('"
        + text + "'))";
  }

  private static String cell(TasklistBrowser browser, String rowText, String column) {
    return (String) browser.script("var td = " + row(rowText) + ".querySelector(\"td[data-column='" + column + "']\");"
        + " return td.classList.contains('changed') ? td.innerText : 'unchanged: ' + td.innerText;");
  }

  private long caseFile(String caseNumber) {
    jdbc.update("insert into service_case (case_number, process_type, status, opened_at) values (?, 'HOTLINE', '办理中', ?)",
        caseNumber, ts("2025-08-01T09:00:00+08:00"));
    return jdbc.queryForObject("select id from service_case where case_number = ?", Long.class, caseNumber);
  }

  private void deadline(long caseId, String kind, Timestamp due, Timestamp met) {
    jdbc.update("insert into case_deadline (case_id, kind, due_at, met_at) values (?, ?, ?, ?)", caseId, kind, due, met);
  }

  private void appeal(String caseNumber, String unit, String closedAt, Boolean repliedOnTime) {
    jdbc.update("insert into hotline_appeal (case_number, appeal_type, urgency, received_at, unit, closed_at, "
        + "handling_due_at, replied_at, replied_on_time) values (?, 'complaint', 'normal', ?, ?, ?, ?, ?, ?)",
        caseNumber, ts("2025-08-01T09:00:00+08:00"), unit, closedAt == null ? null : ts(closedAt),
        closedAt == null ? null : ts("2025-08-15T17:30:00+08:00"), closedAt == null ? null : ts(closedAt), repliedOnTime);
  }

  private void dispatch(String caseNumber, String unit, String at, boolean signedInTime) {
    Timestamp time = ts(at);
    jdbc.update("insert into hotline_dispatch (case_number, unit, dispatched_at, sign_due_at, return_due_at, "
        + "responded_at, signed_in_time, returned) values (?, ?, ?, ?, ?, ?, ?, false)", caseNumber, unit, time,
        new Timestamp(time.getTime() + 86_400_000L), new Timestamp(time.getTime() + 172_800_000L),
        new Timestamp(time.getTime() + (signedInTime ? 3_600_000L : 100_000_000L)), signedInTime);
  }

  private static Timestamp ts(String iso) {
    return Timestamp.from(OffsetDateTime.parse(iso).toInstant());
  }
}
