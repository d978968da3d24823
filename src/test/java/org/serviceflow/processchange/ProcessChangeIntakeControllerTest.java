package org.serviceflow.processchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * POST /api/process-changes on the whole application (real engine and model checks, HTTP Basic left
 * out: the signed-in process owner is set on the engine): fields and files are named in a 400 and
 * nothing is started or stored; a valid application starts processChange with its attachment set.
 */
@SpringBootTest
@ActiveProfiles("test")
class ProcessChangeIntakeControllerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  private WebApplicationContext web;
  @Autowired
  private RuntimeService runtimeService;
  @Autowired
  private IdentityService identityService;
  @Autowired
  private AttachmentStore attachments;
  @Autowired
  private JdbcTemplate jdbc;

  private MockMvc mvc;

  @BeforeEach
  void setUpMvc() {
    mvc = MockMvcBuilders.webAppContextSetup(web).build();
  }

  static ObjectNode validRequest() {
    ObjectNode request = JSON.createObjectNode();
    request.put("targetProcessKey", "complaint");
    request.put("targetProcessName", "投诉处理");
    request.put("changeType", "change");
    request.put("level", 2);
    request.put("category", "business");
    request.put("trigger", "complaint-analysis");
    request.put("description", "解释说明改为解释说明并致歉");
    request.put("effectiveDate", LocalDate.now().plusDays(1).toString());
    request.put("ownerGroup", "customer-service");
    request.putArray("affectedGroups").add("customer-service").add("quality");
    return request;
  }

  private ResultActions post(ObjectNode request, MockMultipartFile... files) throws Exception {
    var multipart = MockMvcRequestBuilders.multipart("/api/process-changes")
        .file(new MockMultipartFile("request", "", MediaType.APPLICATION_JSON_VALUE, request.toString().getBytes(StandardCharsets.UTF_8)));
    for (MockMultipartFile file : files) {
      multipart.file(file);
    }
    // as the REST authentication filter does for the length of a request: the process owner signed in
    identityService.setAuthentication("liuchengjingli", List.of("process-owners"));
    try {
      return mvc.perform(multipart);
    } finally {
      identityService.clearAuthentication();
    }
  }

  static MockMultipartFile attach(String name, String content) {
    return new MockMultipartFile("files", name, MediaType.APPLICATION_OCTET_STREAM_VALUE, content.getBytes(StandardCharsets.UTF_8));
  }

  private Map<String, String> rejected(ResultActions result) throws Exception {
    String body = result.andExpect(status().isBadRequest())
        .andExpect(header().string("Content-Type", "application/problem+json"))
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    List<String> fields = JsonPath.read(body, "$.errors[*].field");
    List<String> messages = JsonPath.read(body, "$.errors[*].message");
    Map<String, String> problems = new java.util.LinkedHashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      problems.merge(fields.get(i), messages.get(i), (a, b) -> a + " | " + b);
    }
    return problems;
  }

  private void assertNothingStartedOrStored(long instancesBefore, int attachmentsBefore) {
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("processChange").count()).isEqualTo(instancesBefore);
    assertThat(attachmentRows()).isEqualTo(attachmentsBefore);
  }

  private long processChanges() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("processChange").count();
  }

  private int attachmentRows() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM process_change_attachment", Integer.class);
  }

  @Test
  void shouldNameEveryBadFieldAndStartNothing() throws Exception {
    long before = processChanges();
    ObjectNode request = validRequest();
    request.remove("targetProcessName");
    request.put("changeType", "replace");
    request.put("level", 5);
    request.put("category", "");
    request.put("effectiveDate", LocalDate.now().minusDays(1).toString());
    request.putArray("affectedGroups").add(" ");

    Map<String, String> problems = rejected(post(request, attach("complaint.bpmn", ModelValidatorTest.changedComplaintBpmn())));

    assertThat(problems).containsOnlyKeys("targetProcessName", "changeType", "level", "category", "effectiveDate",
        "affectedGroups[0]");
    assertThat(problems.get("changeType")).contains("add, change, retire");
    assertNothingStartedOrStored(before, attachmentRows());
  }

  @Test
  void shouldNameUnknownGroupsAndAProcessThatDoesNotExist() throws Exception {
    long before = processChanges();
    ObjectNode request = validRequest();
    request.put("targetProcessKey", "noSuchProcess");
    request.put("ownerGroup", "no-such-group");
    request.putArray("affectedGroups").add("quality").add("nobody");

    Map<String, String> problems = rejected(post(request));

    assertThat(problems).containsOnly(
        Map.entry("targetProcessKey", "流程 'noSuchProcess' 尚未部署，无法变更或废止"),
        Map.entry("ownerGroup", "未知的用户组 'no-such-group'"),
        Map.entry("affectedGroups[1]", "未知的用户组 'nobody'"));
    assertThat(processChanges()).isEqualTo(before);
  }

  @Test
  void shouldNameEachBrokenFileWithItsProblemsAndStartOrStoreNothing() throws Exception {
    long before = processChanges();
    int stored = attachmentRows();
    String unknownGroup = ModelValidatorTest.complaintBpmn()
        .replace("camunda:candidateGroups=\"hr\"", "camunda:candidateGroups=\"no-such-group\"")
        .replaceFirst("(?s)<bpmndi:BPMNShape id=\"Task_ExplainToCustomer_di\".*?</bpmndi:BPMNShape>", "");

    Map<String, String> problems = rejected(post(validRequest(), attach("complaint.bpmn", unknownGroup),
        attach("Task_Extra.form", "{\"id\": \"complaint_Task_Extra\"}"),
        attach("complaintRouting.dmn", ModelValidatorTest.complaintBpmn().substring(0, 500))));

    assertThat(problems).containsOnlyKeys("files[complaint.bpmn]", "files[Task_Extra.form]", "files[complaintRouting.dmn]");
    assertThat(problems.get("files[complaint.bpmn]")).isEqualTo(
        "complaint.bpmn: userTask Task_DecideDiscipline names unknown group 'no-such-group'"
            + " | complaint.bpmn: userTask Task_ExplainToCustomer has no diagram shape");
    assertThat(problems.get("files[Task_Extra.form]"))
        .isEqualTo("Task_Extra.form: not a Camunda Form: it lacks schemaVersion, components");
    assertThat(problems.get("files[complaintRouting.dmn]")).startsWith("complaintRouting.dmn: XML error at line ");
    assertNothingStartedOrStored(before, stored);
  }

  @Test
  void shouldRefuseFilesForARetirementAndAnotherProcesssDiagram() throws Exception {
    ObjectNode retire = validRequest();
    retire.put("changeType", "retire");
    ObjectNode change = validRequest();

    assertThat(rejected(post(retire, attach("complaint.bpmn", ModelValidatorTest.changedComplaintBpmn()))))
        .containsOnly(Map.entry("files", "废止流程不附模型文件"));
    assertThat(rejected(post(change, attach("hotline12345.bpmn", "<x/>"))))
        .containsEntry("files[hotline12345.bpmn]",
            "hotline12345.bpmn: XML error at line 1: cvc-elt.1.a: Cannot find the declaration of element 'x'."
                + " | hotline12345.bpmn: 本申请只能附上流程 'complaint' 的流程图 complaint.bpmn，其他流程请另行申请变更");
  }

  @Test
  void shouldStartTheApprovalWithTheStoredAttachmentSet() throws Exception {
    String changed = ModelValidatorTest.changedComplaintBpmn();

    String body = post(validRequest(), attach("complaint.bpmn", changed))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.caseNumber").value(org.hamcrest.Matchers.matchesPattern("LC\\d{4}\\d+")))
        .andExpect(jsonPath("$.files[0]").value("complaint.bpmn"))
        .andExpect(header().string("Location", org.hamcrest.Matchers.containsString("/api/cases/LC")))
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

    String instanceId = JsonPath.read(body, "$.processInstanceId");
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
    assertThat(instance.getBusinessKey()).isEqualTo(JsonPath.read(body, "$.caseNumber"));
    Map<String, Object> variables = runtimeService.getVariables(instanceId);
    assertThat(variables).containsEntry("targetProcessKey", "complaint").containsEntry("changeType", "change")
        .containsEntry("level", 2).containsEntry("effectiveDate", LocalDate.now().plusDays(1).toString())
        .containsEntry("ownerGroup", "customer-service");
    assertThat(runtimeService.getVariableTyped(instanceId, "affectedGroups").getValue())
        .hasToString("[\"customer-service\",\"quality\"]");
    assertThat(attachments.load((String) variables.get("attachmentSetId")))
        .containsExactly(new ModelFile("complaint.bpmn", changed.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void shouldStartAnOrganisationalChangeWithoutFiles() throws Exception {
    String body = post(validRequest()).andExpect(status().isCreated())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

    String instanceId = JsonPath.read(body, "$.processInstanceId");
    assertThat(JsonPath.<List<String>>read(body, "$.files")).isEmpty();
    assertThat(runtimeService.getVariables(instanceId)).containsEntry("attachmentSetId", null);
  }
}
