package org.serviceflow.fuzz;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Tuple;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Hostile JSON, as raw text: values for a field (wrong types, 1 MB strings, control characters, emoji,
 * mixed scripts, SQL/HTML/EL injection, huge numbers, deep nesting, nulls) and whole bodies that are not
 * a request at all. Raw text, so that values a Java object cannot hold (1e400, lone surrogates, 5,000
 * levels of nesting) reach the server as a client could send them.
 */
final class HostileJson {

  static final int ONE_MB = 1 << 20;

  private HostileJson() {
  }

  /** Text that the fields' checks have to deal with. */
  static final List<String> HOSTILE_TEXTS = List.of(
      "", " ", "\t\n\r", "\u0000", "王\u0000芳", "\u0001\u0002\u0003\u001b[31m\u007f", "\u202e\u200b\ufeff",
      "😀👍🏽👨‍👩‍👧‍👦🇨🇳", "王芳 Ωμέγα Привет مرحبا שלום ไทย 한국어 ☃", "e\u0301\u0302\u0303".repeat(200),
      "'; DROP TABLE service_case; --", "1' OR '1'='1", "\\'; select pg_sleep(5); --", "%' AND 1=0 UNION SELECT * FROM act_id_user --",
      "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "]]><!--", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
      "${1+1}", "#{1+1}", "${execution.setVariable('caseNumber','X')}", "#{runtimeService.deleteProcessInstance(execution.id, '')}",
      "${''.getClass().forName('java.lang.Runtime').getRuntime().exec('id')}", "{{7*7}}", "{caseNumber}", "=1+1", "%s%n%x",
      "\"}", "\\", "null", "true", "0", "-1", "13812345678", "+8613812345678", "010-12345678", "a@b.c",
      "complaint", "A", "phone", "urgent", "advice", "repair", "change", "district-a", "housing",
      "2026-01-01", "9999-12-31", "+999999999-12-31", "2026-02-30", "0000-00-00", "2026-13-01T00:00:00Z");

  /** A field's value, one of many shapes; each arbitrary is raw JSON text. */
  static Arbitrary<String> value() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, texts()),
        Tuple.of(2, megabyteTexts()),
        Tuple.of(3, numbers()),
        Tuple.of(2, Arbitraries.of("null", "true", "false")),
        Tuple.of(2, structures()));
  }

  static Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.of(HOSTILE_TEXTS).map(HostileJson::quote),
        Arbitraries.strings().all().ofMaxLength(60).map(HostileJson::quote),
        Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(8).map(HostileJson::quote),
        Arbitraries.of("\"\\ud800\"", "\"\\udfff王\"", "\"a\\u0000b\"", "\"\\uFFFF\""));
  }

  /** About 1 MB of text, in shapes that stress patterns (repeated code-like parts) and blank checks. */
  static Arbitrary<String> megabyteTexts() {
    return Arbitraries.of("a", "王", "😀", " ", "\n", "1", "a-", "-", "A_", "0", "1/", "\u0000", "<b>", "${x}")
        .map(unit -> quote(unit.repeat(ONE_MB / unit.length())));
  }

  static Arbitrary<String> numbers() {
    return Arbitraries.oneOf(
        Arbitraries.of("0", "-0", "1", "-1", "4", "5", "2147483647", "2147483648", "-2147483649", "9223372036854775807",
            "9223372036854775808", "123456789012345678901234567890", "1.5", "1e308", "1e400", "-1e-400", "1E+2",
            "0.0000000000000000000001", "9".repeat(5000), "1" + "0".repeat(1000) + ".5"),
        Arbitraries.longs().map(String::valueOf),
        Arbitraries.doubles().map(String::valueOf));
  }

  static Arbitrary<String> structures() {
    return Arbitraries.oneOf(
        Arbitraries.of("[]", "{}", "[null]", "[\"a\",1,true]", "{\"value\":\"x\",\"type\":\"String\"}",
            "{\"$ref\":\"#\"}", "{\"@class\":\"java.lang.Runtime\"}", "[\"java.util.HashMap\",{}]"),
        Arbitraries.integers().between(1, 6000).map(depth -> "[".repeat(depth) + "]".repeat(depth)),
        Arbitraries.integers().between(1, 6000).map(depth -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)),
        texts().list().ofMaxSize(5).map(items -> "[" + String.join(",", items) + "]"),
        Combinators.combine(Arbitraries.strings().alpha().ofMaxLength(10), texts())
            .as((key, text) -> "{" + quote(key) + ":" + text + "}"));
  }

  /** Bodies that are no request object: empty, other JSON types, broken syntax, garbage. */
  static Arbitrary<String> wholeBody() {
    return Arbitraries.oneOf(
        Arbitraries.of("", " ", "null", "[]", "\"text\"", "42", "true", "{", "}", "{\"a\":", "{\"a\" 1}", "{'a':1}",
            "{\"customerName\":\"王\",}", "{\"a\":1}{\"b\":2}", "\u0000", "\ufeff{}", "<xml/>", "a=1&b=2"),
        Arbitraries.strings().all().ofMaxLength(200),
        value(),
        Arbitraries.integers().between(1000, 100_000).map(depth -> "{\"a\":[".repeat(depth)));
  }

  /** A JSON string literal; control characters and every surrogate escaped, so lone ones travel as \\uXXXX. */
  static String quote(String text) {
    StringBuilder json = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        json.append('\\').append(c);
      } else if (c == '\n') {
        json.append("\\n");
      } else if (c == '\t') {
        json.append("\\t");
      } else if (c == '\r') {
        json.append("\\r");
      } else if (c < 0x20 || Character.isSurrogate(c) && !validPair(text, i)) {
        json.append(String.format("\\u%04x", (int) c));
      } else {
        json.append(c);
      }
    }
    return json.append('"').toString();
  }

  private static boolean validPair(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
  }
}
