package org.serviceflow.casefile;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CaseFileControllerTest {

  @Autowired
  MockMvc mvc;
  @Autowired
  CaseFileService caseFiles;

  @AfterEach
  void resetEngineClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldReturnCaseFileWithDeadlines() throws Exception {
    // given
    String caseNumber = caseFiles.open(CaseFileServiceTest.complaint("cs1", Instant.parse("2026-11-05T02:00:00Z")));
    caseFiles.setDeadline(caseNumber, "VERIFICATION", Date.from(Instant.parse("2026-11-10T09:30:00Z")),
        Date.from(Instant.parse("2026-11-09T09:30:00Z")));

    // when / then
    mvc.perform(asAdmin(get("/api/cases/{number}", caseNumber)))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.caseNumber").value(caseNumber))
        .andExpect(jsonPath("$.processType").value("COMPLAINT"))
        .andExpect(jsonPath("$.processLabel").value("投诉"))
        .andExpect(jsonPath("$.customerName").value("张三"))
        .andExpect(jsonPath("$.status").value("已受理"))
        .andExpect(jsonPath("$.ownerUser").value("cs1"))
        .andExpect(jsonPath("$.openedAt").value("2026-11-05T10:00:00+08:00"))
        .andExpect(jsonPath("$.deadlines.length()").value(1))
        .andExpect(jsonPath("$.deadlines[0].kind").value("VERIFICATION"))
        .andExpect(jsonPath("$.deadlines[0].dueAt").value("2026-11-10T17:30:00+08:00"))
        .andExpect(jsonPath("$.deadlines[0].warningAt").value("2026-11-09T17:30:00+08:00"))
        .andExpect(jsonPath("$.deadlines[0].metAt").isEmpty());
  }

  @Test
  void shouldReturnTimelineOldestFirst() throws Exception {
    // given
    String caseNumber = caseFiles.open(CaseFileServiceTest.complaint("cs1", Instant.parse("2026-11-05T02:00:00Z")));
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-05T06:00:00Z")));
    caseFiles.record(caseNumber, "quality1", "核实投诉", "complaintValid=是");
    caseFiles.close(caseNumber, "已解决", Instant.parse("2026-11-06T06:00:00Z"));

    // when / then
    mvc.perform(asAdmin(get("/api/cases/{number}/timeline", caseNumber)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(3))
        .andExpect(jsonPath("$[0].action").value("受理"))
        .andExpect(jsonPath("$[0].actor").value("cs1"))
        .andExpect(jsonPath("$[1].action").value("核实投诉"))
        .andExpect(jsonPath("$[1].actor").value("quality1"))
        .andExpect(jsonPath("$[1].outcome").value("complaintValid=是"))
        .andExpect(jsonPath("$[1].occurredAt").value("2026-11-05T14:00:00+08:00"))
        .andExpect(jsonPath("$[2].action").value("结案"))
        .andExpect(jsonPath("$[2].outcome").value("已解决"));
  }

  @Test
  void shouldAnswerUnknownCaseNumberWithProblemDetail() throws Exception {
    for (String path : new String[] {"/api/cases/TS99990001", "/api/cases/TS99990001/timeline"}) {
      mvc.perform(asAdmin(get(path)))
          .andExpect(status().isNotFound())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.status").value(404))
          .andExpect(jsonPath("$.title").value("案件不存在"))
          .andExpect(jsonPath("$.detail").value("未找到案件：TS99990001"));
    }
  }

  @Test
  void shouldRejectAnonymousCaller() throws Exception {
    String caseNumber = caseFiles.open(CaseFileServiceTest.complaint("cs1", Instant.parse("2026-11-05T02:00:00Z")));

    mvc.perform(get("/api/cases/{number}", caseNumber)).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/cases/{number}/timeline", caseNumber)).andExpect(status().isUnauthorized());
  }

  /** /api requires HTTP Basic against the engine's identity service; the test profile's admin is admin/admin. */
  private static MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
    String credentials = Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
    return request.header(HttpHeaders.AUTHORIZATION, "Basic " + credentials);
  }
}
