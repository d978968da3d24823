package org.serviceflow.casefile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The Chinese labels of a case's category and severity codes, as the process's start form offers them (the
 * select options of {@code <processKey>/StartEvent_*.form}, which process owners edit): one place for the labels
 * staff chose from. Complaint: category / severity; after-sales: serviceType / urgency; 12345: category / urgency;
 * process change: category / its level (a number, shown as it is); the channel where the form asks for it. An unknown
 * code is shown as it is.
 */
@Component
public class CaseLabels {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<CaseType, String[]> FIELDS = Map.of(
      CaseType.COMPLAINT, new String[] {"category", "severity"},
      CaseType.AFTER_SALES, new String[] {"serviceType", "urgency"},
      CaseType.HOTLINE, new String[] {"category", "urgency"},
      CaseType.PROCESS_CHANGE, new String[] {"category", "level"});

  private final Map<CaseType, Map<String, Map<String, String>>> options = new EnumMap<>(CaseType.class);

  CaseLabels() {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    for (CaseType type : CaseType.values()) {
      Map<String, Map<String, String>> fields = new HashMap<>();
      try {
        for (Resource form : resolver.getResources("classpath*:" + type.processKey() + "/StartEvent_*.form")) {
          try (InputStream in = form.getInputStream()) {
            collect(JSON.readTree(in), fields);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("start form of " + type.processKey(), e);
      }
      options.put(type, fields);
    }
  }

  public String category(CaseType type, String code) {
    return label(type, FIELDS.get(type)[0], code);
  }

  public String severity(CaseType type, String code) {
    return label(type, FIELDS.get(type)[1], code);
  }

  /** The intake channel, where the start form offers a choice of it (the complaint's); else as it is. */
  public String channel(CaseType type, String code) {
    return label(type, "channel", code);
  }

  private String label(CaseType type, String field, String code) {
    return code == null ? null : options.get(type).getOrDefault(field, Map.of()).getOrDefault(code, code);
  }

  private static void collect(JsonNode component, Map<String, Map<String, String>> fields) {
    if (component.hasNonNull("key") && component.path("values").isArray()) {
      Map<String, String> labels = fields.computeIfAbsent(component.path("key").asText(), key -> new HashMap<>());
      component.path("values").forEach(v -> labels.put(v.path("value").asText(), v.path("label").asText()));
    }
    component.path("components").forEach(child -> collect(child, fields));
  }
}
