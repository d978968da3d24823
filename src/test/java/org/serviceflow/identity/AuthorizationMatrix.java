package org.serviceflow.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The authorization matrix as docs/identity.md writes it, section "Authorization matrix": tables whose first
 * header cell is {@code group} (a row per group, a column per request, a {@link Expectation} per cell), and
 * the legend table whose first header cell is {@code column} (the request each column stands for).
 */
record AuthorizationMatrix(List<String> groups, List<String> columns, Map<String, Map<String, Expectation>> cells,
    Map<String, String> requests) {

  static final Path DOC = Path.of("docs/identity.md");
  static final String SECTION = "## Authorization matrix";
  static final String ANONYMOUS = "anonymous";

  /** What a cell says: the request is allowed (2xx), allowed but the target is filtered out, or refused. */
  enum Expectation {
    /** 2xx; a list read contains the target. */
    ALLOWED("✓"),
    /** 200 with a list that does not contain the target (the engine filters what the caller may not read). */
    FILTERED("∅"),
    UNAUTHENTICATED("401"),
    FORBIDDEN("403");

    final String marker;

    Expectation(String marker) {
      this.marker = marker;
    }

    static Expectation of(String marker, String where) {
      return Arrays.stream(values()).filter(e -> e.marker.equals(marker)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("unknown marker '" + marker + "' in " + where));
    }

    boolean allowed() {
      return this == ALLOWED || this == FILTERED;
    }
  }

  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  static AuthorizationMatrix read() throws IOException {
    return parse(Files.readString(DOC));
  }

  static AuthorizationMatrix parse(String markdown) {
    int start = markdown.indexOf("\n" + SECTION + "\n");
    if (start < 0) {
      throw new IllegalArgumentException(DOC + " has no section '" + SECTION + "'");
    }
    String section = markdown.substring(start + 1);
    int next = section.indexOf("\n## ", SECTION.length());
    if (next >= 0) {
      section = section.substring(0, next);
    }
    List<String> groups = new ArrayList<>();
    List<String> columns = new ArrayList<>();
    Map<String, Map<String, Expectation>> cells = new LinkedHashMap<>();
    Map<String, String> requests = new LinkedHashMap<>();
    List<String> header = null;
    for (String line : section.split("\n")) {
      if (!line.startsWith("|")) {
        header = null;
        continue;
      }
      List<String> row = cells(line);
      if (header == null) {
        header = row;
        continue;
      }
      if (row.stream().allMatch(c -> c.matches(":?-+:?"))) {
        continue;
      }
      if (header.get(0).equals("group")) {
        String group = code(row.get(0), line);
        if (!groups.contains(group)) {
          groups.add(group);
        }
        for (int i = 1; i < header.size(); i++) {
          String column = header.get(i);
          if (!columns.contains(column)) {
            columns.add(column);
          }
          Expectation previous = cells.computeIfAbsent(group, g -> new LinkedHashMap<>())
              .put(column, Expectation.of(row.get(i), group + " × " + column));
          if (previous != null) {
            throw new IllegalArgumentException("cell " + group + " × " + column + " twice");
          }
        }
      } else if (header.get(0).equals("column")) {
        requests.put(row.get(0), code(row.get(1), line));
      }
    }
    return new AuthorizationMatrix(groups, columns, cells, requests);
  }

  Expectation cell(String group, String column) {
    Expectation expectation = cells.getOrDefault(group, Map.of()).get(column);
    if (expectation == null) {
      throw new IllegalStateException("no cell " + group + " × " + column + " in " + DOC);
    }
    return expectation;
  }

  private static List<String> cells(String line) {
    String inner = line.strip();
    inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
    return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
  }

  private static String code(String cell, String line) {
    Matcher matcher = CODE.matcher(cell);
    if (!matcher.find()) {
      throw new IllegalArgumentException("no `code` in the first cells of: " + line);
    }
    return matcher.group(1);
  }
}
