package org.serviceflow.notification;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Chinese message templates: every classpath*:notification/templates/*.yaml maps a key
 * ("complaint.acknowledged") to {subject, body} with {placeholders}. Each feature ships its own
 * file; a key defined twice is a start-up error naming both files.
 */
@Component
class NotificationTemplates {

  static final String LOCATION = "classpath*:notification/templates/*.yaml";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_.]*)}");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private final Map<String, Template> templates;
  private final ZoneId zone;

  @Autowired
  NotificationTemplates(ResourcePatternResolver resolver,
      @Value("${serviceflow.calendar.zone:Asia/Shanghai}") ZoneId zone) throws IOException {
    this(zone, resolver.getResources(LOCATION));
  }

  NotificationTemplates(ZoneId zone, Resource... files) throws IOException {
    this.zone = zone;
    Map<String, Template> loaded = new LinkedHashMap<>();
    for (Resource file : files) {
      for (Template template : read(file)) {
        Template earlier = loaded.putIfAbsent(template.key(), template);
        if (earlier != null) {
          throw new IllegalStateException("Notification template '" + template.key() + "' is defined twice: in "
              + earlier.file() + " and in " + template.file());
        }
      }
    }
    this.templates = Collections.unmodifiableMap(loaded);
  }

  Set<String> keys() {
    return templates.keySet();
  }

  /** Fills the template; an unknown key or a placeholder without a parameter is an IllegalArgumentException. */
  RenderedMessage render(String key, String caseNumber, Map<String, ?> params) {
    Template template = templates.get(key);
    if (template == null) {
      throw new IllegalArgumentException("Unknown notification template '" + key + "' (templates come from "
          + LOCATION + ")");
    }
    Map<String, Object> values = new HashMap<>();
    if (params != null) {
      values.putAll(params);
    }
    values.putIfAbsent("caseNumber", caseNumber);
    return new RenderedMessage(fill(key, template.subject(), values), fill(key, template.body(), values));
  }

  private String fill(String key, String text, Map<String, Object> values) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      if (!values.containsKey(name)) {
        throw new IllegalArgumentException("Notification template '" + key + "' needs parameter '" + name
            + "', which was not given");
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(format(values.get(name))));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private String format(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Date date) {
      return DATE_TIME.format(date.toInstant().atZone(zone));
    }
    if (value instanceof Instant instant) {
      return DATE_TIME.format(instant.atZone(zone));
    }
    if (value instanceof ZonedDateTime || value instanceof LocalDateTime) {
      return DATE_TIME.format((TemporalAccessor) value);
    }
    if (value instanceof LocalDate date) {
      return DATE.format(date);
    }
    return value.toString();
  }

  private static Iterable<Template> read(Resource file) throws IOException {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Object document;
    try (InputStream in = file.getInputStream()) {
      document = new Yaml(new SafeConstructor(options)).load(in);
    } catch (RuntimeException e) {
      throw new IllegalStateException("Cannot read notification templates " + file + ": " + e.getMessage(), e);
    }
    if (document == null) {
      return List.of();
    }
    if (!(document instanceof Map<?, ?> entries)) {
      throw new IllegalStateException(file + " must map template keys to {subject, body}");
    }
    List<Template> result = new ArrayList<>();
    entries.forEach((key, value) -> result.add(Template.of(String.valueOf(key), value, file)));
    return result;
  }

  private record Template(String key, String subject, String body, Resource file) {

    static Template of(String key, Object value, Resource file) {
      if (value instanceof Map<?, ?> fields
          && fields.get("subject") instanceof String subject && !subject.isBlank()
          && fields.get("body") instanceof String body && !body.isBlank()) {
        return new Template(key, subject, body, file);
      }
      throw new IllegalStateException("Notification template '" + key + "' in " + file
          + " needs a non-empty 'subject' and 'body'");
    }
  }
}
