package org.serviceflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.serviceflow.support.ProcessEngineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * /api/reports over HTTP on the 12345 unit assessment of July 2025 (rows written as the hotline delegates write them):
 * who sees which rows in JSON and in the .xlsx export, the 400s naming the field, and a confirmed record that does not
 * change when its cases change later while the live figures do, and a new version of the report rules applying to the
 * next access check although the answers of the old one are kept.
 */
@ProcessEngineTest
class ReportApiTest {

  static final String JULY = "2025-07";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReportRecords records;
  @Autowired ObjectMapper json;
  @Autowired DashboardFigures dashboardFigures;
  @Autowired RepositoryService repository;
  @Autowired HistoryService history;

  @BeforeEach
  void generateJuly() {
    if (jdbc.queryForObject("select count(*) from hotline_dispatch where case_number like 'RXR%'", Integer.class) > 0) {
      return;
    }
    // unit-market: 4 dispatches, 3 signed in time; unit-housing: 2 dispatches, both in time, one returned
    for (int i = 0; i < 4; i++) {
      dispatch("RXR-M" + i, "unit-market", "2025-07-0" + (i + 1) + "T10:00:00+08:00", i != 0, false);
    }
    dispatch("RXR-H0", "unit-housing", "2025-07-10T10:00:00+08:00", true, false);
    dispatch("RXR-H1", "unit-housing", "2025-07-31T23:00:00+08:00", true, true);
  }

  @Test
  void shouldShowEveryUnitToTheSupervisorsAndOnlyItsOwnRowToAUnit() throws Exception {
    JsonNode all = figures("duban");
    assertThat(units(all)).contains("unit-market", "unit-housing");
    JsonNode market = row(all, "unit-market");
    assertThat(market.get("received").asLong()).isEqualTo(4);
    assertThat(market.get("responseRate").asDouble()).isEqualTo(0.75);
    JsonNode housing = row(all, "unit-housing");
    assertThat(housing.get("returns").asLong()).isOne();
    assertThat(housing.get("returnRate").asDouble()).isEqualTo(0.5);

    assertThat(units(figures("shichang"))).containsExactly("unit-market");
    assertThat(units(figures("zhujian"))).containsExactly("unit-housing");

    ResponseEntity<String> department = get("kefu1", "/api/reports/figures?type=unitAssessment&period=" + JULY);
    assertThat(department.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void shouldExportTheUnitsOwnRowsAsXlsxWithChineseHeaders() throws Exception {
    try (XSSFWorkbook all = xlsx("duban"); XSSFWorkbook own = xlsx("shichang")) {
      Sheet sheet = all.getSheetAt(0);
      assertThat(sheet.getSheetName()).startsWith("承办单位考核");
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("排名");
      assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("单位");
      assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("响应率");
      List<String> units = new ArrayList<>();
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        units.add(sheet.getRow(r).getCell(1).getStringCellValue());
        if (sheet.getRow(r).getCell(1).getStringCellValue().equals("unit-market")) {
          assertThat(sheet.getRow(r).getCell(3).getNumericCellValue()).isEqualTo(4.0);
          assertThat(sheet.getRow(r).getCell(4).getNumericCellValue()).isEqualTo(0.75);
          assertThat(sheet.getRow(r).getCell(4).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
        }
      }
      assertThat(units).contains("unit-market", "unit-housing");
      Sheet ownSheet = own.getSheetAt(0);
      assertThat(ownSheet.getLastRowNum()).isOne();
      assertThat(ownSheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("unit-market");
    }
  }

  @Test
  void shouldRefuseABadTypePeriodOrFormatNamingTheField() throws Exception {
    assertBadRequest("/api/reports/figures?type=monthly&period=" + JULY, "type");
    assertBadRequest("/api/reports/figures?period=" + JULY, "type");
    assertBadRequest("/api/reports/figures?type=unitAssessment&period=2025-13", "period");
    assertBadRequest("/api/reports/figures?type=unitAssessment&period=2099-01", "period");
    assertBadRequest("/api/reports?period=2099-01", "period");
    assertBadRequest("/api/reports/figures/export?type=unitAssessment&period=" + JULY + "&format=pdf", "format");
    assertThat(get("duban", "/api/reports/999999").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void shouldKeepTheConfirmedCopyWhenItsCasesChangeLater() throws Exception {
    // given July's assessment compiled and confirmed
    long id = records.compile(ReportType.UNIT_ASSESSMENT, YearMonth.of(2025, 7), null, null);
    records.confirm(id, "duban", "七月已核对", null, false);
    // when another July dispatch to unit-market is recorded afterwards
    dispatch("RXR-LATE", "unit-market", "2025-07-20T10:00:00+08:00", true, false);
    // then the record still holds what was confirmed, and the live figures show the change
    JsonNode record = json.readTree(get("duban", "/api/reports/" + id).getBody());
    assertThat(record.get("status").asText()).isEqualTo("CONFIRMED");
    assertThat(record.get("confirmedBy").asText()).isEqualTo("duban");
    assertThat(row(record.get("figures"), "unit-market").get("received").asLong()).isEqualTo(4);
    assertThat(row(figures("duban"), "unit-market").get("received").asLong()).isEqualTo(5);
    jdbc.update("delete from hotline_dispatch where case_number = 'RXR-LATE'");
    jdbc.update("delete from hotline_appeal where case_number = 'RXR-LATE'");
    // and the list finds it by type and month
    JsonNode list = json.readTree(get("shenji", "/api/reports?type=unitAssessment&period=" + JULY).getBody());
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("id").asLong()).isEqualTo(id);
  }

  @Test
  void shouldReadANewVersionOfTheReportRulesAtTheNextAccessCheckInsteadOfTheKeptAnswer() throws Exception {
    String figures = "/api/reports/figures?type=unitAssessment&period=" + JULY;
    // given the deployed rules, which do not send the unit assessment to 客服部 (kefu1), and their answer kept
    String original = latestRulesId();
    assertThat(get("kefu1", figures).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    long evaluated = evaluations(original);
    assertThat(evaluated).as("evaluated for the unit assessment at least once").isPositive();
    assertThat(get("kefu1", figures).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(evaluations(original)).as("the second check uses the kept answer").isEqualTo(evaluated);

    // when a process owner deploys a new version that sends it to 客服部 as well
    String rules = new ClassPathResource(ReportAccess.RULES + ".dmn").getContentAsString(StandardCharsets.UTF_8);
    String changed = rules.replace("<text>\"hotline-dispatchers\"</text>",
        "<text>\"hotline-dispatchers,customer-service\"</text>");
    assertThat(changed).isNotEqualTo(rules);
    Deployment deployment = repository.createDeployment().name("monthlyReportRules 客服部收件")
        .addString(ReportAccess.RULES + ".dmn", changed).deploy();
    try {
      String newer = latestRulesId();
      assertThat(newer).isNotEqualTo(original);

      // then the next check reads the new version, not the kept answer of the old one: 客服部 reads every unit
      ResponseEntity<String> allowed = get("kefu1", figures);
      assertThat(allowed.getStatusCode()).as(allowed.getBody()).isEqualTo(HttpStatus.OK);
      assertThat(units(json.readTree(allowed.getBody()))).containsExactlyInAnyOrder("unit-market", "unit-housing");
      assertThat(evaluations(newer)).as("the new version evaluated once").isOne();
      assertThat(get("kefu1", figures).getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(evaluations(newer)).as("and its answer kept").isOne();
      assertThat(evaluations(original)).isEqualTo(evaluated);
    } finally {
      repository.deleteDeployment(deployment.getId(), true);
    }
    // and once the new version is withdrawn, the old one applies again
    assertThat(latestRulesId()).isEqualTo(original);
    assertThat(get("kefu1", figures).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  private String latestRulesId() {
    return repository.createDecisionDefinitionQuery().decisionDefinitionKey(ReportAccess.RULES).latestVersion()
        .singleResult().getId();
  }

  /** Evaluations of one deployed version of the rules, from the decision history the engine writes for each. */
  private long evaluations(String decisionDefinitionId) {
    return history.createHistoricDecisionInstanceQuery().decisionDefinitionId(decisionDefinitionId).count();
  }

  @Test
  void shouldAnswerTheDashboardWithOnlyWhatTheCallerMayRead() throws Exception {
    // the supervisors: the units and their late steps (unit-market's first dispatch was not signed for in time)
    JsonNode supervisors = json.readTree(get("duban", "/api/reports/dashboard?period=" + JULY).getBody());
    assertThat(supervisors.get("period").asText()).isEqualTo(JULY);
    JsonNode late = supervisors.get("units").get("tables").get(1);
    assertThat(late.get("key").asText()).isEqualTo("lateSteps");
    List<String> lateCases = new ArrayList<>();
    late.get("rows").forEach(row -> lateCases.add(row.get("caseNumber").asText() + " " + row.get("step").asText()));
    assertThat(lateCases).contains("RXR-M0 签收超时");
    // the general manager also gets 12 months of trend, oldest first
    JsonNode manager = json.readTree(get("zongjingli", "/api/reports/dashboard?period=" + JULY).getBody());
    assertThat(manager.get("trend")).hasSize(12);
    assertThat(manager.get("trend").get(0).get("period").asText()).isEqualTo("2024-08");
    assertThat(manager.get("trend").get(11).get("period").asText()).isEqualTo(JULY);
    // a unit: its own rows only, and no company-wide trend
    JsonNode unit = json.readTree(get("shichang", "/api/reports/dashboard?period=" + JULY).getBody());
    assertThat(unit.get("trend").isNull()).isTrue();
    unit.get("units").get("tables").forEach(table -> table.get("rows")
        .forEach(row -> assertThat(row.get("unit").asText()).isEqualTo("unit-market")));
    // a department outside the 12345 centre: no unit figures at all
    JsonNode department = json.readTree(get("kufang", "/api/reports/dashboard?period=" + JULY).getBody());
    assertThat(department.get("units").isNull()).isTrue();
    assertBadRequest("/api/reports/dashboard?period=2099-01", "period");
  }

  @Test
  void shouldKeepTheDashboardsFiguresForFiveMinutesOnly() {
    YearMonth july = YearMonth.parse(JULY);
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(
        OffsetDateTime.parse("2026-12-01T10:00:00+08:00").toInstant()));
    try {
      dashboardFigures.clear();
      ReportFigures first = dashboardFigures.of(ReportType.UNIT_ASSESSMENT, july);
      org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(
          OffsetDateTime.parse("2026-12-01T10:05:00+08:00").toInstant()));
      assertThat(dashboardFigures.of(ReportType.UNIT_ASSESSMENT, july)).as("kept for 5 minutes").isSameAs(first);
      org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(
          OffsetDateTime.parse("2026-12-01T10:05:01+08:00").toInstant()));
      ReportFigures again = dashboardFigures.of(ReportType.UNIT_ASSESSMENT, july);
      assertThat(again).as("compiled again after 5 minutes").isNotSameAs(first);
      assertThat(again.compiledAt()).isEqualTo(OffsetDateTime.parse("2026-12-01T10:05:01+08:00").toInstant());
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
      dashboardFigures.clear();
    }
  }

  @Test
  void shouldCompileTheAskedForFiguresAheadSoThatACallNeverWaitsAndDropThoseNobodyAsksFor() {
    YearMonth july = YearMonth.parse(JULY);
    try {
      at("2026-12-01T10:00:00+08:00");
      dashboardFigures.clear();
      ReportFigures first = dashboardFigures.of(ReportType.UNIT_ASSESSMENT, july);

      // when: the background refresh runs 2 minutes later, then 3 minutes later (half the 5 minutes have passed)
      at("2026-12-01T10:02:00+08:00");
      assertThat(dashboardFigures.refreshAhead()).as("not yet half their keep time old").isZero();
      at("2026-12-01T10:03:00+08:00");
      assertThat(dashboardFigures.refreshAhead()).isOne();

      // then: a call at 10:07, past the first compile's 5 minutes, gets the figures compiled ahead at 10:03
      at("2026-12-01T10:07:00+08:00");
      ReportFigures asked = dashboardFigures.of(ReportType.UNIT_ASSESSMENT, july);
      assertThat(asked).isNotSameAs(first);
      assertThat(asked.compiledAt()).isEqualTo(OffsetDateTime.parse("2026-12-01T10:03:00+08:00").toInstant());
      assertThat(asked.tables()).usingRecursiveComparison().isEqualTo(first.tables());

      // when: nobody asks for an hour after 10:07, the refresh drops them; the next call compiles again
      at("2026-12-01T11:07:01+08:00");
      assertThat(dashboardFigures.refreshAhead()).isZero();
      assertThat(dashboardFigures.of(ReportType.UNIT_ASSESSMENT, july).compiledAt())
          .isEqualTo(OffsetDateTime.parse("2026-12-01T11:07:01+08:00").toInstant());
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
      dashboardFigures.clear();
    }
  }

  private static void at(String time) {
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(OffsetDateTime.parse(time).toInstant()));
  }

  private void assertBadRequest(String path, String field) throws Exception {
    ResponseEntity<String> response = get("duban", path);
    assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType().toString()).contains("problem+json");
    assertThat(json.readTree(response.getBody()).get("errors").findValuesAsText("field")).as(path).contains(field);
  }

  private JsonNode figures(String user) throws Exception {
    ResponseEntity<String> response = get(user, "/api/reports/figures?type=unitAssessment&period=" + JULY);
    assertThat(response.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
    return json.readTree(response.getBody());
  }

  private XSSFWorkbook xlsx(String user) throws Exception {
    ResponseEntity<byte[]> response = rest.withBasicAuth(user, "demo")
        .getForEntity("/api/reports/figures/export?type=unitAssessment&period=" + JULY + "&format=xlsx", byte[].class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo("unitAssessment-2025-07-live.xlsx");
    return new XSSFWorkbook(new ByteArrayInputStream(response.getBody()));
  }

  private ResponseEntity<String> get(String user, String path) {
    return rest.withBasicAuth(user, "demo").getForEntity(path, String.class);
  }

  private static List<String> units(JsonNode figures) {
    List<String> units = new ArrayList<>();
    figures.get("tables").get(0).get("rows").forEach(row -> units.add(row.get("unit").asText()));
    return units;
  }

  private static JsonNode row(JsonNode figures, String unit) {
    for (JsonNode row : figures.get("tables").get(0).get("rows")) {
      if (row.get("unit").asText().equals(unit)) {
        return row;
      }
    }
    throw new AssertionError("no row of " + unit);
  }

  private void dispatch(String caseNumber, String unit, String at, boolean signedInTime, boolean returned) {
    Timestamp time = Timestamp.from(OffsetDateTime.parse(at).toInstant());
    jdbc.update("insert into hotline_appeal (case_number, appeal_type, urgency, received_at, unit) "
        + "values (?, 'complaint', 'normal', ?, ?)", caseNumber, time, unit);
    jdbc.update("insert into hotline_dispatch (case_number, unit, dispatched_at, sign_due_at, return_due_at, "
        + "responded_at, signed_in_time, returned) values (?, ?, ?, ?, ?, ?, ?, ?)", caseNumber, unit, time,
        new Timestamp(time.getTime() + 86_400_000L), new Timestamp(time.getTime() + 172_800_000L), time, signedInTime,
        returned);
  }
}
