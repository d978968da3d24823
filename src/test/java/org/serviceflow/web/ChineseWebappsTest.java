package org.serviceflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** The running webapps serve our configuration and Chinese texts instead of the webjar's. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ChineseWebappsTest {

  @Autowired TestRestTemplate rest;

  @Test
  void shouldServeTheTasklistPage() {
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);

    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("app-name=\"tasklist\"").contains("/camunda/app/tasklist/");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void shouldServeOurConfigOfferingChinese(String app) {
    ResponseEntity<String> config = rest.getForEntity("/camunda/app/" + app + "/scripts/config.js", String.class);

    assertThat(config.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(config.getBody()).contains("export default").contains("availableLocales: ['zh']")
        .contains("fallbackLocale: 'zh'");
  }

  @Test
  void shouldKeepTheTasklistShortcuts() {
    String config = rest.getForObject("/camunda/app/tasklist/scripts/config.js", String.class);

    assertThat(config).contains("claimTask").contains("ctrl+alt+c").contains("startProcess");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void shouldServeTheChineseLoginTexts(String app) {
    ResponseEntity<JsonNode> zh = rest.getForEntity("/camunda/app/" + app + "/locales/zh.json", JsonNode.class);

    assertThat(zh.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(zh.getBody().path("labels").path("PAGE_LOGIN_USERNAME").asText()).isEqualTo("用户名");
    assertThat(zh.getBody().path("labels").path("PAGE_LOGIN_SIGN_IN_ACTION").asText()).isEqualTo("登录");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void shouldLoadOurCustomScriptHidingTheEolBannerAndShowChineseDates(String app) {
    String config = rest.getForObject("/camunda/app/" + app + "/scripts/config.js", String.class);
    ResponseEntity<String> script = rest.getForEntity("/camunda/app/" + app + "/scripts/serviceflow-zh.js", String.class);

    assertThat(config).contains(app.equals("tasklist")
            ? "customScripts: ['scripts/serviceflow-zh.js', 'scripts/serviceflow-cases.js']"
            : "customScripts: ['scripts/serviceflow-zh.js']")
        .contains("normal: 'YYYY-MM-DD HH:mm'");
    assertThat(script.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(script.getBody()).contains(".ce-eol-banner { display: none !important; }");
  }

  @Test
  void shouldTranslateFormJsMessagesInTheTasklistScript() {
    String script = rest.getForObject("/camunda/app/tasklist/scripts/serviceflow-zh.js", String.class);

    assertThat(script).contains("Field is required").contains("此项为必填项。")
        .contains("Field must have minimum length of").contains("Select: '请选择'").contains("Search: '搜索'");
  }
}
