package org.serviceflow.fuzz;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Tuple;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** One change to a valid request: a field set to a hostile value, a field left out, an extra field, or another body altogether. */
sealed interface Mutation {

  record SetField(String field, String rawJson) implements Mutation {
    @Override
    public String toString() {
      return field + " = " + abbreviate(rawJson);
    }
  }

  record RemoveField(String field) implements Mutation {
    @Override
    public String toString() {
      return "without " + field;
    }
  }

  record ExtraField(String field, String rawJson) implements Mutation {
    @Override
    public String toString() {
      return "extra " + abbreviate(field) + " = " + abbreviate(rawJson);
    }
  }

  record WholeBody(String raw) implements Mutation {
    @Override
    public String toString() {
      return "body " + abbreviate(raw);
    }
  }

  /** Extra field names: process-internal variables a client must not be able to set, and odd names. */
  List<String> EXTRA_NAMES = List.of("caseNumber", "intakeUser", "receivedAt", "handlingGroup", "confidential_", "__proto__",
      "constructor", "@class", "", " ", "customerName ", "王芳", "😀", "a\u0000b", "${x}", "x".repeat(5000), "id", "type");

  /** Up to four changes to the fields of a request, or now and then a body that is no request at all. */
  static Arbitrary<List<Mutation>> of(Set<String> fields) {
    Arbitrary<Mutation> set = Combinators.combine(Arbitraries.of(fields), HostileJson.value()).as(SetField::new);
    Arbitrary<Mutation> remove = Arbitraries.of(fields).map(RemoveField::new);
    Arbitrary<Mutation> extra = Combinators.combine(
        Arbitraries.oneOf(Arbitraries.of(EXTRA_NAMES), Arbitraries.strings().all().ofMaxLength(20)), HostileJson.value())
        .as(ExtraField::new);
    Arbitrary<List<Mutation>> fieldChanges = Arbitraries.frequencyOf(
        Tuple.of(6, set), Tuple.of(2, remove), Tuple.of(2, extra))
        .list().ofMinSize(1).ofMaxSize(4);
    Arbitrary<List<Mutation>> otherBody = HostileJson.wholeBody().map(raw -> List.of(new WholeBody(raw)));
    return Arbitraries.frequencyOf(Tuple.of(9, fieldChanges), Tuple.of(1, otherBody));
  }

  /** The valid request's fields (name to raw JSON) changed as the mutations say, as JSON text. */
  static String apply(Map<String, String> valid, List<Mutation> mutations) {
    Map<String, String> fields = new LinkedHashMap<>(valid);
    StringBuilder extras = new StringBuilder();
    for (Mutation mutation : mutations) {
      if (mutation instanceof WholeBody body) {
        return body.raw();
      } else if (mutation instanceof SetField set) {
        fields.put(set.field(), set.rawJson());
      } else if (mutation instanceof RemoveField remove) {
        fields.remove(remove.field());
      } else if (mutation instanceof ExtraField extra) {
        extras.append(',').append(HostileJson.quote(extra.field())).append(':').append(extra.rawJson());
      }
    }
    StringBuilder json = new StringBuilder("{");
    fields.forEach((name, raw) -> json.append(json.length() > 1 ? "," : "").append(HostileJson.quote(name)).append(':').append(raw));
    if (fields.isEmpty() && !extras.isEmpty()) {
      extras.deleteCharAt(0);
    }
    return json.append(extras).append('}').toString();
  }

  /** The known fields the mutations touched (set or removed). */
  static Set<String> touched(List<Mutation> mutations) {
    Set<String> touched = new TreeSet<>();
    for (Mutation mutation : mutations) {
      if (mutation instanceof SetField set) {
        touched.add(set.field());
      } else if (mutation instanceof RemoveField remove) {
        touched.add(remove.field());
      }
    }
    return touched;
  }

  /**
   * A value beyond the limits Jackson's parser sets on a document (StreamReadConstraints: nesting deeper than
   * 1,000, a number of more than 1,000 digits): the parser stops before any field is bound and does not say
   * where, so the refusal can only name the body.
   */
  static boolean beyondTheParserLimits(List<Mutation> mutations) {
    return mutations.stream().anyMatch(m -> m instanceof SetField set && beyondTheParserLimits(set.rawJson())
        || m instanceof ExtraField extra && beyondTheParserLimits(extra.rawJson()));
  }

  private static boolean beyondTheParserLimits(String raw) {
    return depth(raw) >= 999 || raw.length() > 1000 && raw.matches("-?[0-9][0-9.eE+-]*");
  }

  /** The deepest nesting of arrays and objects in raw JSON, strings skipped. */
  static int depth(String raw) {
    int depth = 0;
    int deepest = 0;
    boolean inString = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '[' || c == '{') {
        deepest = Math.max(deepest, ++depth);
      } else if (c == ']' || c == '}') {
        depth--;
      }
    }
    return deepest;
  }

  static boolean replacesBody(List<Mutation> mutations) {
    return mutations.stream().anyMatch(WholeBody.class::isInstance);
  }

  private static String abbreviate(String text) {
    String shown = text.length() > 80 ? text.substring(0, 60) + "…(" + text.length() + " chars)" : text;
    return shown.replaceAll("\\p{Cntrl}", "?");
  }
}
