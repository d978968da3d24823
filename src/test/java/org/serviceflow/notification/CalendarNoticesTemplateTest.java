package org.serviceflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

/** The Chinese texts of the calendar notices exist and use exactly the parameters CalendarNotices passes. */
class CalendarNoticesTemplateTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      CalendarNotices.YEAR_MISSING + " | year lastYear dataDir      | 节假日",
      CalendarNotices.DATA_CHANGED + " | addedYears changedYears removedYears | 节假日数据已更新"})
  void shouldDefineTheNoticeWithExactlyTheParametersPassed(String key, String parameters, String subjectText)
      throws IOException {
    // given
    Map<?, ?> templates;
    try (InputStream in = getClass().getResourceAsStream("/notification/templates/calendar.yaml")) {
      templates = new Yaml().load(in);
    }
    // when
    Map<?, ?> notice = (Map<?, ?>) templates.get(key);
    // then
    assertThat(notice).isNotNull();
    assertThat((String) notice.get("subject")).contains(subjectText);
    Set<String> placeholders = new TreeSet<>();
    Matcher matcher = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_.]*)}")
        .matcher(notice.get("subject") + " " + notice.get("body"));
    while (matcher.find()) {
      placeholders.add(matcher.group(1));
    }
    assertThat(placeholders).containsExactlyInAnyOrder(parameters.split(" "));
  }
}
