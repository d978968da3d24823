package org.serviceflow.casefile;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The Chinese labels of a case's codes, as the process's forms offer them (the options of
 * {@code <processKey>/StartEvent_*.form}, then of its task forms, which process owners edit; {@link FormOptions}):
 * one place for the labels staff chose from, used by the case file and the reports. Complaint: category / severity; after-sales: serviceType / urgency; 12345: category / urgency;
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
      Map<String, Map<String, String>> fields = new LinkedHashMap<>();
      try {
        // the start form first: its labels are the ones staff chose from at intake
        for (String pattern : new String[] {"/StartEvent_*.form", "/Task_*.form"}) {
          for (Resource form : resolver.getResources("classpath*:" + type.processKey() + pattern)) {
            try (InputStream in = form.getInputStream()) {
              FormOptions.collect(JSON.readTree(in), fields);
            }
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

  /** The label of a code of any field the process's forms offer (start form first), e.g. disciplineAction. */
  public String label(CaseType type, String field, String code) {
    return code == null ? null : options.get(type).getOrDefault(field, Map.of()).getOrDefault(code, code);
  }
}
