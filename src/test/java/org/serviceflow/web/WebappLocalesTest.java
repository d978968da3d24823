package org.serviceflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our Chinese translations of the webapps against the webjar's own English files. */
class WebappLocalesTest {

  private static final String APP = "META-INF/resources/webjars/camunda/app/";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");
  private static final List<String> LOGIN_KEYS = List.of("PAGE_LOGIN_USERNAME", "PAGE_LOGIN_PASSWORD",
      "PAGE_LOGIN_SIGN_IN_ACTION", "PAGE_LOGIN_PLEASE_SIGN_IN", "PAGE_LOGIN_ERROR_MSG", "PAGE_LOGIN_FAILED",
      "SIGN_OUT_ACTION");

  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void shouldTranslateOnlyExistingKeysKeepingTheirPlaceholders(String app) throws IOException {
    JsonNode en = read(app, "en").path("labels");
    JsonNode zh = read(app, "zh").path("labels");

    Set<String> unknown = new TreeSet<>();
    zh.fieldNames().forEachRemaining(key -> {
      if (!en.has(key)) {
        unknown.add(key);
      } else {
        assertThat(placeholders(zh.get(key).asText())).as(app + " " + key)
            .isEqualTo(placeholders(en.get(key).asText()));
      }
    });
    assertThat(unknown).as(app + ": keys the webapp does not use").isEmpty();
    for (String key : LOGIN_KEYS) {
      assertThat(zh.path(key).asText()).as(app + " " + key).isNotBlank()
          .matches(".*\\p{IsHan}.*");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void shouldTranslateEveryKeyStaffSee(String app) throws IOException {
    JsonNode en = read(app, "en").path("labels");
    JsonNode zh = read(app, "zh").path("labels");

    Set<String> missing = new TreeSet<>();
    en.fieldNames().forEachRemaining(key -> {
      if (!zh.has(key)) {
        missing.add(key);
      }
    });
    assertThat(missing).isEmpty();
  }

  private JsonNode read(String app, String locale) throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(APP + app + "/locales/" + locale + ".json")) {
      assertThat(in).as(app + "/" + locale).isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
      return json.readTree(text);
    }
  }

  private static Set<String> placeholders(String text) {
    Set<String> names = new HashSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }
}
