package org.serviceflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

class NotificationTemplatesTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @TempDir
  Path dir;

  @Test
  void shouldFillPlaceholdersAndCaseNumberFromTheClasspathTemplates() throws Exception {
    // given the templates shipped on the classpath
    NotificationTemplates templates = new NotificationTemplates(new PathMatchingResourcePatternResolver(), SHANGHAI);

    // when
    RenderedMessage message = templates.render("common.deadlineWarning", "TS2611-0007",
        Map.of("taskName", "核实投诉", "dueDate", Date.from(Instant.parse("2026-10-10T09:30:00Z"))));

    // then dates are shown in Asia/Shanghai
    assertThat(templates.keys()).contains("common.taskAssigned", "common.deadlineWarning", "common.deadlineOverdue");
    assertThat(message.subject()).isEqualTo("【TS2611-0007】办理时限预警：核实投诉");
    assertThat(message.body()).isEqualTo("工单 TS2611-0007 的任务“核实投诉”将于 2026-10-10 17:30 到期，目前尚未办结，请尽快处理。");
  }

  @Test
  void shouldRejectAnUnknownTemplateKeyByName() throws Exception {
    NotificationTemplates templates = templates(file("a.yaml", "x.one:\n  subject: 主题\n  body: 正文\n"));

    assertThatThrownBy(() -> templates.render("x.missing", "TS1", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'x.missing'");
  }

  @Test
  void shouldRejectAPlaceholderWithoutParameter() throws Exception {
    NotificationTemplates templates = templates(file("a.yaml", "x.one:\n  subject: \"{caseNumber}\"\n  body: 您好，{name}\n"));

    assertThatThrownBy(() -> templates.render("x.one", "TS1", Map.of("other", "v")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'x.one'").hasMessageContaining("'name'");
  }

  @Test
  void shouldRenderNullValuesAndAMissingCaseNumberAsEmptyText() throws Exception {
    NotificationTemplates templates = templates(file("a.yaml", "x.one:\n  subject: \"[{caseNumber}]\"\n  body: \"{name}$\\\\\"\n"));
    Map<String, Object> params = new HashMap<>();
    params.put("name", null);

    RenderedMessage message = templates.render("x.one", null, params);

    assertThat(message.subject()).isEqualTo("[]");
    assertThat(message.body()).isEqualTo("$\\");
  }

  @Test
  void shouldFailAtStartUpNamingBothFilesWhenAKeyIsDefinedTwice() throws Exception {
    FileSystemResource first = file("first.yaml", "x.one:\n  subject: 甲\n  body: 甲\n");
    FileSystemResource second = file("second.yaml", "x.two:\n  subject: 乙\n  body: 乙\nx.one:\n  subject: 丙\n  body: 丙\n");

    assertThatThrownBy(() -> templates(first, second))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'x.one'").hasMessageContaining("first.yaml").hasMessageContaining("second.yaml");
  }

  @Test
  void shouldFailAtStartUpWhenAKeyIsRepeatedInOneFile() throws Exception {
    FileSystemResource file = file("one.yaml", "x.one:\n  subject: 甲\n  body: 甲\nx.one:\n  subject: 乙\n  body: 乙\n");

    assertThatThrownBy(() -> templates(file))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("one.yaml").hasMessageContaining("x.one");
  }

  @Test
  void shouldFailAtStartUpWhenATemplateHasNoBody() throws Exception {
    FileSystemResource file = file("bad.yaml", "x.one:\n  subject: 甲\n");

    assertThatThrownBy(() -> templates(file))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'x.one'").hasMessageContaining("bad.yaml");
  }

  private static NotificationTemplates templates(FileSystemResource... files) throws Exception {
    return new NotificationTemplates(SHANGHAI, files);
  }

  private FileSystemResource file(String name, String yaml) throws Exception {
    Path path = dir.resolve(name);
    Files.writeString(path, yaml, StandardCharsets.UTF_8);
    return new FileSystemResource(path);
  }
}
