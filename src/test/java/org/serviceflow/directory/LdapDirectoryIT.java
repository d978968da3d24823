package org.serviceflow.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.serviceflow.support.EngineRest;
import org.serviceflow.support.EngineRest.Step;
import org.serviceflow.support.Intakes;
import org.serviceflow.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Profile ldap on the whole application and a real PostgreSQL, against an in-memory LDAP server on a free
 * loopback port loaded from src/test/resources/directory/serviceflow.ldif: directory users log in over HTTP
 * Basic, their groups come from the directory, the staff groups' authorizations work for the directory groups,
 * and nothing is written to the engine's identity tables.
 */
@PostgresIntegrationTest
@ActiveProfiles({"test", "ldap"})
class LdapDirectoryIT {

  static final String LOOPBACK = "127.0.0.1";
  static final String BASE_DN = "dc=serviceflow,dc=local";
  static final String MANAGER_DN = "cn=serviceflow,ou=services," + BASE_DN;
  static final String MANAGER_PASSWORD = "manager-secret";
  /** Directory users: a customer-service clerk, a quality department member, an HR clerk, the administrator. */
  static final String CLERK = "wangfang";
  static final String QUALITY = "liuyang";
  static final String HR = "wuli";
  static final String ADMIN = EngineRest.ADMIN;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final InMemoryDirectoryServer DIRECTORY = startDirectory();

  @DynamicPropertySource
  static void directory(DynamicPropertyRegistry registry) {
    registry.add("serviceflow.ldap.directory.server-url", () -> "ldap://" + LOOPBACK + ":" + DIRECTORY.getListenPort());
    registry.add("serviceflow.ldap.directory.manager-dn", () -> MANAGER_DN);
    registry.add("serviceflow.ldap.directory.manager-password", () -> MANAGER_PASSWORD);
  }

  @AfterAll
  static void stopDirectory() {
    DIRECTORY.shutDown(true);
  }

  private final TestRestTemplate rest;
  private final JdbcTemplate jdbc;
  private final EngineRest engine;

  @Autowired
  LdapDirectoryIT(TestRestTemplate rest, JdbcTemplate jdbc) {
    this.rest = rest;
    this.jdbc = jdbc;
    this.engine = new EngineRest(rest);
  }

  @Test
  void shouldLogInADirectoryUserOverHttpBasicWithTheNameAndGroupsFromTheDirectory() {
    // when
    JsonNode me = engine.get(HR, "/api/me");

    // then
    assertThat(me.path("id").asText()).isEqualTo(HR);
    assertThat(me.path("lastName").asText()).isEqualTo("吴");
    assertThat(me.path("firstName").asText()).isEqualTo("丽");
    assertThat(me.path("email").asText()).isEqualTo("wuli@serviceflow.example");
    assertThat(me.path("groups").findValuesAsText("id")).containsExactly("hr", "unit-district-b");
    assertThat(me.path("groups").findValuesAsText("name")).containsExactly("人事部", "乙区街道办");
  }

  @Test
  void shouldRefuseAWrongPasswordAndAnUnknownUser() {
    // when
    ResponseEntity<String> wrongPassword = rest.withBasicAuth(CLERK, "wrong").getForEntity("/api/me", String.class);
    ResponseEntity<String> unknownUser = rest.withBasicAuth("nobody", "demo").getForEntity("/api/me", String.class);
    ResponseEntity<String> emptyPassword = rest.withBasicAuth(CLERK, "").getForEntity("/engine-rest/task", String.class);

    // then
    assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(unknownUser.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(emptyPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void shouldLetCustomerServiceStartAComplaintAndOfferItsTaskToTheQualityGroupOnly() {
    // given: a product-quality complaint, routed to quality
    ResponseEntity<String> created = engine.post(CLERK, "/api/complaints", JSON.valueToTree(Intakes.complaint()));
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    String caseNumber = EngineRest.json(created.getBody()).path("caseNumber").asText();
    String processInstanceId = EngineRest.json(created.getBody()).path("processInstanceId").asText();

    // when
    JsonNode forQuality = engine.tasks(QUALITY, caseNumber);
    JsonNode forHr = engine.tasks(HR, caseNumber);
    JsonNode myGroupsForQuality = filterList(QUALITY, "我组待办");
    JsonNode myGroupsForHr = filterList(HR, "我组待办");
    String actor = engine.complete(caseNumber, new Step("Task_FirstResponse", QUALITY, Map.of(
        "firstResponseChannel", "phone", "firstResponseNote", "已致电客户，三个工作日内核实")));

    // then
    assertThat(forQuality.findValuesAsText("taskDefinitionKey")).containsExactly("Task_FirstResponse");
    assertThat(forHr).isEmpty();
    assertThat(myGroupsForQuality.findValuesAsText("processInstanceId")).contains(processInstanceId);
    assertThat(myGroupsForHr.findValuesAsText("processInstanceId")).doesNotContain(processInstanceId);
    assertThat(actor).isEqualTo(QUALITY);
    assertThat(engine.tasks(QUALITY, caseNumber).findValuesAsText("taskDefinitionKey"))
        .containsExactly("Task_VerifyComplaint");
    assertThat(engine.get(CLERK, "/api/cases/" + caseNumber).path("caseNumber").asText()).isEqualTo(caseNumber);
  }

  @Test
  void shouldRefuseAComplaintFromAGroupThatDoesNotTakeComplaints() {
    // given
    int cases = jdbc.queryForObject("select count(*) from service_case", Integer.class);

    // when
    ResponseEntity<String> response = engine.post(HR, "/api/complaints", JSON.valueToTree(Intakes.complaint()));

    // then
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(jdbc.queryForObject("select count(*) from service_case", Integer.class)).isEqualTo(cases);
  }

  @Test
  void shouldListTheDirectoryUsersAndGroupsToTheAdministratorAndOnlyOneselfToStaff() {
    // when
    JsonNode users = engine.get(ADMIN, "/engine-rest/user?sortBy=userId&sortOrder=asc");
    JsonNode qualityMembers = engine.get(ADMIN, "/engine-rest/user?memberOfGroup=quality");
    JsonNode groups = engine.get(ADMIN, "/engine-rest/group");
    JsonNode clerkGroups = engine.get(ADMIN, "/engine-rest/group?member=" + CLERK);
    JsonNode seenByStaff = engine.get(CLERK, "/engine-rest/user");

    // then
    assertThat(users.findValuesAsText("id")).containsExactlyInAnyOrder(ADMIN, HR, QUALITY, CLERK);
    assertThat(qualityMembers.findValuesAsText("id")).containsExactly(QUALITY);
    assertThat(qualityMembers.path(0).path("lastName").asText()).isEqualTo("刘");
    assertThat(qualityMembers.path(0).path("firstName").asText()).isEqualTo("洋");
    assertThat(groups.findValuesAsText("id"))
        .containsExactlyInAnyOrder("customer-service", "quality", "hr", "camunda-admin", "unit-district-b");
    assertThat(clerkGroups.findValuesAsText("name")).containsExactly("客服部");
    assertThat(seenByStaff.findValuesAsText("id")).containsExactly(CLERK);
  }

  @Test
  void shouldGrantTheStaffGroupsInTheEngineDatabaseAndWriteNoUserOrGroupThere() {
    // when
    JsonNode unitTasklist = engine.get(ADMIN,
        "/engine-rest/authorization?groupIdIn=unit-district-b&resourceType=0&resourceId=tasklist");
    JsonNode adminGrants = engine.get(ADMIN, "/engine-rest/authorization?groupIdIn=camunda-admin&resourceType=0");

    // then: a unit that exists only in the directory works in Tasklist; the administrator group has everything
    assertThat(unitTasklist).hasSize(1);
    assertThat(unitTasklist.path(0).path("permissions").toString()).contains("ACCESS");
    assertThat(adminGrants).hasSize(1);
    assertThat(adminGrants.path(0).path("permissions").toString()).contains("ALL");
    for (String table : List.of("act_id_user", "act_id_group", "act_id_membership")) {
      assertThat(jdbc.queryForObject("select count(*) from " + table, Integer.class)).as(table).isZero();
    }
  }

  @Test
  void shouldLogADirectoryUserIntoTasklistAndCockpitOnlyWhereTheirGroupsMay() {
    // when
    ResponseEntity<String> clerk = webappLogin("tasklist", CLERK, "demo");
    ResponseEntity<String> clerkInCockpit = webappLogin("cockpit", CLERK, "demo");
    ResponseEntity<String> administrator = webappLogin("admin", ADMIN, "admin");
    ResponseEntity<String> wrongPassword = webappLogin("tasklist", CLERK, "wrong");

    // then
    assertThat(clerk.getStatusCode()).as(clerk.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(EngineRest.json(clerk.getBody()).path("userId").asText()).isEqualTo(CLERK);
    assertThat(EngineRest.json(clerk.getBody()).path("authorizedApps").toString()).contains("tasklist")
        .doesNotContain("cockpit").doesNotContain("admin");
    assertThat(clerkInCockpit.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(administrator.getStatusCode()).as(administrator.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(EngineRest.json(administrator.getBody()).path("authorizedApps").toString())
        .contains("admin").contains("cockpit").contains("tasklist");
    assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  /** The tasks of the shared Tasklist filter with that name, as the user sees them. */
  private JsonNode filterList(String user, String filterName) {
    for (JsonNode filter : engine.get(user, "/engine-rest/filter")) {
      if (filterName.equals(filter.path("name").asText())) {
        return engine.get(user, "/engine-rest/filter/" + filter.path("id").asText() + "/list");
      }
    }
    throw new AssertionError("filter " + filterName + " not visible to " + user);
  }

  /** The webapps' own form login (what the login page posts), with the CSRF token cookie fetched first. */
  private ResponseEntity<String> webappLogin(String app, String user, String password) {
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/" + app + "/default/", String.class);
    List<String> cookies = page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
        .map(cookie -> cookie.split(";", 2)[0]).toList();
    String token = cookies.stream().filter(cookie -> cookie.startsWith("XSRF-TOKEN="))
        .map(cookie -> cookie.substring("XSRF-TOKEN=".length())).findFirst()
        .orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie from " + app + ": " + cookies));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.set(HttpHeaders.COOKIE, String.join("; ", cookies));
    headers.set("X-XSRF-TOKEN", token);
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", password);
    return rest.postForEntity("/camunda/api/admin/auth/user/default/login/" + app, new HttpEntity<>(form, headers),
        String.class);
  }

  private static InMemoryDirectoryServer startDirectory() {
    try {
      InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
      config.addAdditionalBindCredentials(MANAGER_DN, MANAGER_PASSWORD);
      config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("loopback",
          InetAddress.getByName(LOOPBACK), 0, null));
      InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
      Path ldif = Path.of(LdapDirectoryIT.class.getResource("/directory/serviceflow.ldif").toURI());
      server.importFromLDIF(true, ldif.toFile());
      server.startListening();
      return server;
    } catch (LDAPException | URISyntaxException | UnknownHostException e) {
      throw new IllegalStateException("could not start the in-memory LDAP directory", e);
    }
  }
}
