package org.serviceflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.serviceflow.support.EngineRest;
import org.serviceflow.support.EngineRest.Step;
import org.serviceflow.support.IntakeRequests;
import org.serviceflow.support.PostgresIntegrationTest;
import org.serviceflow.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The webapps' session login on our API (SessionOrBasicAuthenticationProvider), on the whole application with
 * PostgreSQL: signed in to Tasklist the way its login page does it (XSRF cookie and header), a browser reads the
 * case file; without the session it gets 401; a write that carries only the session is refused and changes nothing;
 * a handling unit signed in to Tasklist still never sees a 举报 reporter; /api/me hands our pages the session's XSRF
 * token, with which a maintainer's write counts and without which it does not.
 */
@PostgresIntegrationTest
class SessionLoginIT {

  static final String CLERK = "kefu1";

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  private String base() {
    return "http://localhost:" + port;
  }

  private String newComplaint(String customerName) {
    ResponseEntity<String> created = new EngineRest(rest).post(CLERK, "/api/complaints",
        IntakeRequests.complaint(customerName));
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    return EngineRest.json(created.getBody()).path("caseNumber").asText();
  }

  @Test
  void shouldReadTheCaseFileWithTheTasklistSession() {
    // given: a complaint taken in through the API, and the clerk signed in to Tasklist
    String caseNumber = newComplaint("会话客户");
    WebappSession browser = WebappSession.signIn(base(), CLERK, DemoUsers.PASSWORD);

    // when: the browser reads the case file, its timeline and who it is, with nothing but its cookies
    HttpResponse<String> file = browser.get("/api/cases/" + caseNumber);
    HttpResponse<String> timeline = browser.get("/api/cases/" + caseNumber + "/timeline");
    HttpResponse<String> me = browser.get("/api/me");

    // then: 200, as the clerk
    assertThat(file.statusCode()).as(file.body()).isEqualTo(200);
    assertThat(EngineRest.json(file.body()).path("caseNumber").asText()).isEqualTo(caseNumber);
    assertThat(EngineRest.json(file.body()).path("customerName").asText()).isEqualTo("会话客户");
    assertThat(timeline.statusCode()).isEqualTo(200);
    assertThat(EngineRest.json(timeline.body()).path(0).path("action").asText()).isEqualTo("受理");
    assertThat(me.statusCode()).isEqualTo(200);
    JsonNode caller = EngineRest.json(me.body());
    assertThat(caller.path("id").asText()).isEqualTo(CLERK);
    assertThat(caller.path("groups").findValuesAsText("id")).contains("customer-service");
  }

  @Test
  void shouldAnswer401ProblemDetailsWithoutASession() {
    String caseNumber = newComplaint("无会话客户");
    WebappSession.signIn(base(), CLERK, DemoUsers.PASSWORD); // another browser's session does not help this one
    WebappSession stranger = WebappSession.signInNowhere(base());

    HttpResponse<String> plain = stranger.get("/api/cases/" + caseNumber);
    HttpResponse<String> script = stranger.send(HttpRequest.newBuilder(URI.create(base() + "/api/cases/" + caseNumber))
        .header("X-Requested-With", "XMLHttpRequest").GET());

    assertThat(plain.statusCode()).isEqualTo(401);
    assertThat(plain.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"default\"");
    assertThat(plain.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = EngineRest.json(plain.body());
    assertThat(problem.path("status").asInt()).isEqualTo(401);
    assertThat(problem.path("detail").asText()).contains("请先登录");
    assertThat(plain.body()).doesNotContain("无会话客户");
    // a script of our pages gets no challenge, so the browser shows the page's message, not a password dialog
    assertThat(script.statusCode()).isEqualTo(401);
    assertThat(script.headers().firstValue("WWW-Authenticate")).isEmpty();
    // Basic keeps answering as before: an unknown login is 401 with the challenge (not kefu1's: a wrong password
    // would lock the clerk for the next tests)
    ResponseEntity<String> wrong = rest.withBasicAuth("nobody1", "wrong").getForEntity("/api/cases/" + caseNumber, String.class);
    assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(wrong.getHeaders().getFirst("WWW-Authenticate")).isEqualTo("Basic realm=\"default\"");
  }

  @Test
  void shouldRefuseAWriteThatCarriesOnlyTheSessionAndChangeNothing() {
    // given: a complaint and its clerk signed in to Tasklist
    String caseNumber = newComplaint("防伪造客户");
    WebappSession browser = WebappSession.signIn(base(), CLERK, DemoUsers.PASSWORD);
    int cases = count("select count(*) from service_case");
    int timeline = count("select count(*) from case_timeline t join service_case c on c.id = t.case_id "
        + "where c.case_number = '" + caseNumber + "'");

    // when: the browser (or a page of another site it shows) posts with the session cookie only
    HttpResponse<String> pause = browser.send(json("/api/cases/" + caseNumber + "/pauses",
        "{\"type\":\"customer-unreachable\",\"reason\":\"跨站请求\"}"));
    HttpResponse<String> intake = browser.send(json("/api/complaints",
        IntakeRequests.complaint("伪造的投诉").toString()));

    // then: 403 problem details, and nothing was written
    for (HttpResponse<String> refused : java.util.List.of(pause, intake)) {
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
      assertThat(EngineRest.json(refused.body()).path("detail").asText()).contains("HTTP Basic");
    }
    assertThat(count("select count(*) from case_pause where case_number = '" + caseNumber + "'")).isZero();
    assertThat(count("select count(*) from service_case")).isEqualTo(cases);
    assertThat(count("select count(*) from case_timeline t join service_case c on c.id = t.case_id "
        + "where c.case_number = '" + caseNumber + "'")).isEqualTo(timeline);
    // the same write with HTTP Basic is the clerk's to make (proves the refusal was the session's, not the rights')
    ResponseEntity<String> withBasic = new EngineRest(rest).post(CLERK, "/api/complaints",
        IntakeRequests.complaint("正常的投诉"));
    assertThat(withBasic.getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void shouldMaskAConfidentialReporterForAHandlingUnitSignedInToTasklist() {
    // given: a 举报 taken in by the operator and dispatched to 市场监管局
    ResponseEntity<String> created = new EngineRest(rest).post("huawu", "/api/hotline/appeals",
        IntakeRequests.report("钱会话", "13700001122"));
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    String caseNumber = EngineRest.json(created.getBody()).path("caseNumber").asText();
    new EngineRest(rest).complete(caseNumber, new Step("Task_TriageAppeal", "huawu", Map.of("triageResult", "dispatch")));

    // when: the unit's user, signed in to Tasklist, reads it
    WebappSession unit = WebappSession.signIn(base(), "shichang", DemoUsers.PASSWORD);
    HttpResponse<String> file = unit.get("/api/cases/" + caseNumber);
    HttpResponse<String> timeline = unit.get("/api/cases/" + caseNumber + "/timeline");

    // then: the case, but not who reported it
    assertThat(file.statusCode()).as(file.body()).isEqualTo(200);
    assertThat(EngineRest.json(file.body()).path("customerName").asText()).isEqualTo("（保密）");
    assertThat(EngineRest.json(file.body()).path("customerPhone").isNull()).isTrue();
    assertThat(timeline.statusCode()).isEqualTo(200);
    for (HttpResponse<String> answer : java.util.List.of(file, timeline)) {
      assertThat(answer.body()).doesNotContain("钱会话").doesNotContain("13700001122");
    }
  }

  @Test
  void shouldHandOurPagesTheSessionsXsrfTokenForTheirWrites() {
    // given: the customer-service lead signed in to Tasklist, and the knowledge base page served with our policy
    WebappSession lead = WebappSession.signIn(base(), "kefuzhuguan", DemoUsers.PASSWORD);
    // Tasklist after its login reads the signed-in user: the webapps' CSRF filter keeps a token in the new session
    assertThat(lead.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(200);
    HttpResponse<String> page = lead.get("/knowledge");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("/pages/knowledge.js");
    assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
        .contains("script-src 'self'").contains("connect-src 'self'");

    // when: the page reads who she is
    HttpResponse<String> me = lead.get("/api/me");
    JsonNode xsrfToken = EngineRest.json(me.body()).path("xsrfToken");
    assertThat(xsrfToken.isTextual()).as(me.body()).isTrue();
    String token = xsrfToken.asText();
    assertThat(token).isNotBlank();
    String title = "会话令牌测试条目";
    String entry = "{\"title\":\"" + title + "\",\"answer\":\"测试\",\"category\":\"测试\",\"source\":\"测试\","
        + "\"ownerGroup\":\"customer-service-lead\",\"reviewDate\":\"2027-12-31\"}";

    // then: a write with another token is refused and writes nothing; with hers it is done as her
    HttpResponse<String> forged = lead.send(json("/api/knowledge", entry).header("X-XSRF-TOKEN", token + "x"));
    assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
    assertThat(count("select count(*) from knowledge_entry where title = '" + title + "'")).isZero();
    HttpResponse<String> written = lead.send(json("/api/knowledge", entry).header("X-XSRF-TOKEN", token));
    assertThat(written.statusCode()).as(written.body()).isEqualTo(201);
    assertThat(jdbc.queryForObject("select updated_by from knowledge_entry where title = ?", String.class, title))
        .isEqualTo("kefuzhuguan");
    jdbc.update("delete from knowledge_entry where title = ?", title);
    // HTTP Basic has no session, so no token
    assertThat(rest.withBasicAuth("kefuzhuguan", DemoUsers.PASSWORD).getForEntity("/api/me", JsonNode.class)
        .getBody().path("xsrfToken").isNull()).isTrue();
  }

  private HttpRequest.Builder json(String path, String body) {
    return HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private int count(String sql) {
    return jdbc.queryForObject(sql, Integer.class);
  }
}
