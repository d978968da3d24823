package org.serviceflow.merge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.serviceflow.support.EngineRest;
import org.serviceflow.support.EngineRest.Step;
import org.serviceflow.support.IntakeRequests;
import org.serviceflow.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 并单 on the whole application and a real PostgreSQL, through the API as the demo staff: duplicates offered for
 * real Chinese subjects, a repeat call merged (no new process instance or case file, a timeline entry, the master's
 * number and deadline answered), split off again by the lead (a new case, both timelines), and every refusal.
 * Each test uses a phone number of its own, so other tests' cases on the same database are never candidates.
 */
@PostgresIntegrationTest
class RepeatContactIT {

  static final String CLERK = "kefu1";
  static final String LEAD = "kefuzhuguan";
  static final String QUALITY = "zhiliang1";
  static final String OPERATOR = "huawu";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  private EngineRest api;
  private String phone;

  @BeforeEach
  void setUp() {
    api = new EngineRest(rest);
    phone = "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
  }

  @Test
  void shouldOfferTheSimilarOpenComplaintMergeTheCallAndSplitItOffAgain() {
    // given: two open complaints of this customer, one about the water purifier, one about a late delivery
    String purifier = complaint("新买的净水器使用三天后漏水，地板被泡坏。", "SO-2026-7001");
    String delivery = complaint("订购的沙发超过约定日期一周仍未送货。", "SO-2026-7002");

    // when: the customer calls again about the leaking purifier
    JsonNode offered = api.get(CLERK, "/api/cases/duplicates?type=complaint&phone=" + phone
        + "&subject=净水器还在漏水，地板都泡坏了，什么时候处理");
    JsonNode byOrder = api.get(CLERK, "/api/cases/duplicates?type=complaint&orderNumber=SO-2026-7001"
        + "&subject=净水器漏水");

    // then: only the purifier complaint is similar enough; by order number too
    assertThat(caseNumbers(offered)).containsExactly(purifier);
    assertThat(offered.path(0).path("matchedOn").toString()).isEqualTo("[\"phone\"]");
    assertThat(offered.path(0).path("status").asText()).isNotBlank();
    assertThat(offered.path(0).path("deadline").path("dueAt").asText()).isNotBlank();
    assertThat(caseNumbers(byOrder)).containsExactly(purifier);
    assertThat(byOrder.path(0).path("matchedOn").toString()).isEqualTo("[\"orderNumber\"]");
    assertThat(caseNumbers(api.get(CLERK, "/api/cases/duplicates?type=complaint&phone=" + phone
        + "&subject=订购的沙发超过日期还没送货"))).containsExactly(delivery);

    // when: the clerk merges the call into the purifier complaint
    int instances = count("select count(*) from act_ru_execution where parent_id_ is null");
    int cases = count("select count(*) from service_case");
    ResponseEntity<String> merged = api.post(CLERK, "/api/cases/" + purifier + "/contacts", contact());

    // then: the master's number and running deadline, no new instance or case, the timeline shows the call
    assertThat(merged.getStatusCode()).as(merged.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode answer = EngineRest.json(merged.getBody());
    JsonNode file = api.get(CLERK, "/api/cases/" + purifier);
    assertThat(answer.path("caseNumber").asText()).isEqualTo(purifier);
    assertThat(answer.path("deadline").path("dueAt").asText())
        .isEqualTo(file.path("deadlines").path(0).path("dueAt").asText());
    assertThat(answer.path("deadline").path("kind").asText())
        .isEqualTo(file.path("deadlines").path(0).path("kind").asText());
    assertThat(count("select count(*) from act_ru_execution where parent_id_ is null")).isEqualTo(instances);
    assertThat(count("select count(*) from service_case")).isEqualTo(cases);
    long contactId = answer.path("contactId").asLong();
    assertThat(actions(purifier)).containsSubsequence("受理", "重复来电（并单）");

    // when: the lead splits it off (the clerk may not)
    String split = "/api/cases/" + purifier + "/contacts/" + contactId + "/split";
    ObjectNode why = EngineRest.json("{}").deepCopy();
    ((ObjectNode) why).put("reason", "客户说的是另一台净水器");
    assertThat(api.post(CLERK, split, why).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> done = api.post(LEAD, split, why);

    // then: a new complaint from the contact, both timelines say so; splitting again is a conflict
    assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.CREATED);
    String newCase = EngineRest.json(done.getBody()).path("newCaseNumber").asText();
    assertThat(newCase).startsWith("TS").isNotEqualTo(purifier);
    assertThat(count("select count(*) from service_case")).isEqualTo(cases + 1);
    JsonNode started = api.get(LEAD, "/api/cases/" + newCase);
    assertThat(started.path("customerPhone").asText()).isEqualTo(phone);
    assertThat(started.path("ownerUser").asText()).isEqualTo(LEAD);
    assertThat(actions(purifier)).containsSubsequence("重复来电（并单）", "拆单");
    assertThat(actions(newCase)).containsSubsequence("受理", "拆单");
    assertThat(api.post(LEAD, split, why).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void shouldRefuseBadInputOutsidersUnknownCasesAndClosedMasters() {
    String master = complaint("家里的热水器打不着火，已经两天没有热水。", "SO-2026-7101");
    int contacts = count("select count(*) from repeat_contact");

    // 400 naming the field, nothing written
    ObjectNode noPhone = contact();
    noPhone.remove("callerPhone");
    assertThat(fields(api.post(CLERK, "/api/cases/" + master + "/contacts", noPhone))).containsExactly("callerPhone");
    assertThat(fields(api.post(CLERK, "/api/cases/" + master + "/contacts", contact().put("channel", "fax"))))
        .containsExactly("channel");
    assertThat(fields(api.as(CLERK).getForEntity("/api/cases/duplicates?phone=" + phone + "&subject=热水器",
        String.class))).containsExactly("type");
    assertThat(fields(api.as(CLERK).getForEntity("/api/cases/duplicates?type=complaint&subject=热水器",
        String.class))).containsExactly("phone");
    assertThat(fields(api.post(LEAD, "/api/cases/" + master + "/contacts/1/split", EngineRest.json("{}"))))
        .containsExactly("reason");
    // 403 for staff outside the complaint intake, 404 for unknown cases and contacts
    assertThat(api.post(QUALITY, "/api/cases/" + master + "/contacts", contact()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.as(QUALITY).getForEntity("/api/cases/duplicates?type=complaint&phone=" + phone + "&subject=热水器",
        String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.post(CLERK, "/api/cases/TS9999999/contacts", contact()).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(api.post(LEAD, "/api/cases/" + master + "/contacts/999999999/split",
        EngineRest.json("{\"reason\":\"误并\"}")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(count("select count(*) from repeat_contact")).isEqualTo(contacts);

    // 409 when the master is closed: a consultation answered at once
    ResponseEntity<String> appeal = api.post(OPERATOR, "/api/hotline/appeals",
        IntakeRequests.appeal("赵六", phone).put("appealType", "consultation"));
    assertThat(appeal.getStatusCode()).as(appeal.getBody()).isEqualTo(HttpStatus.CREATED);
    String consultation = EngineRest.json(appeal.getBody()).path("caseNumber").asText();
    api.complete(consultation, new Step("Task_TriageAppeal", OPERATOR,
        Map.of("triageResult", "answered", "directAnswer", "已告知办理地点")));
    api.executeDueJobs(consultation);
    assertThat(api.get(OPERATOR, "/api/cases/" + consultation).path("closedAt").asText()).isNotBlank();
    ObjectNode again = contact().put("channel", "12345");
    ResponseEntity<String> closed = api.post(OPERATOR, "/api/cases/" + consultation + "/contacts", again);
    assertThat(closed.getStatusCode()).as(closed.getBody()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(EngineRest.json(closed.getBody()).path("detail").asText()).contains("已结案");
    assertThat(caseNumbers(api.get(OPERATOR, "/api/cases/duplicates?type=hotline12345&phone=" + phone
        + "&subject=小区电梯停运"))).doesNotContain(consultation);
    assertThat(count("select count(*) from repeat_contact")).isEqualTo(contacts);
  }

  private String complaint(String content, String orderNumber) {
    ObjectNode request = IntakeRequests.complaint("孙七").put("customerPhone", phone).put("content", content)
        .put("productOrOrderNo", orderNumber);
    ResponseEntity<String> created = api.post(CLERK, "/api/complaints", request);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    return EngineRest.json(created.getBody()).path("caseNumber").asText();
  }

  private ObjectNode contact() {
    ObjectNode contact = EngineRest.json("{}").deepCopy();
    return contact.put("callerName", "孙七").put("callerPhone", phone).put("text", "净水器还在漏水，催问处理进度")
        .put("channel", "phone").put("orderNumber", "SO-2026-7001").put("reason", "同一订单同一问题再次来电");
  }

  private List<String> actions(String caseNumber) {
    List<String> actions = new ArrayList<>();
    api.get(LEAD, "/api/cases/" + caseNumber + "/timeline").forEach(e -> actions.add(e.path("action").asText()));
    return actions;
  }

  private static List<String> caseNumbers(JsonNode candidates) {
    List<String> numbers = new ArrayList<>();
    candidates.forEach(c -> numbers.add(c.path("caseNumber").asText()));
    return numbers;
  }

  private static List<String> fields(ResponseEntity<String> response) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    List<String> fields = new ArrayList<>();
    EngineRest.json(response.getBody()).path("errors").forEach(e -> fields.add(e.path("field").asText()));
    return fields;
  }

  private int count(String sql) {
    return jdbc.queryForObject(sql, Integer.class);
  }
}
