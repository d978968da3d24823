package org.serviceflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The Chinese text of the missing-year notice exists and uses only the parameters the alert passes. */
class MissingYearTemplateTest {

  @Test
  void shouldDefineTheNoticeWithExactlyTheParametersTheAlertPasses() throws IOException {
    // given
    Map<?, ?> templates;
    try (InputStream in = getClass().getResourceAsStream("/notification/templates/calendar.yaml")) {
      templates = new Yaml().load(in);
    }
    // when
    Map<?, ?> notice = (Map<?, ?>) templates.get(MissingYearAlert.TEMPLATE);
    // then
    assertThat(notice).isNotNull();
    assertThat((String) notice.get("subject")).contains("{year}").contains("节假日");
    Set<String> placeholders = new TreeSet<>();
    Matcher matcher = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_.]*)}")
        .matcher(notice.get("subject") + " " + notice.get("body"));
    while (matcher.find()) {
      placeholders.add(matcher.group(1));
    }
    assertThat(placeholders).containsExactlyInAnyOrder("year", "lastYear", "dataDir");
  }
}
