package org.serviceflow.formsubmit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.serviceflow.web.FieldProblem;

/**
 * The submission check over EVERY Camunda Form of the product (forms/**.form, start and task forms alike), with
 * random and hostile submissions: it never fails, every problem names a field, and what it lets through holds only
 * the form's writable fields, each of its field's type and within the engine's limits. (Over HTTP, with the engine
 * behind it, FormSubmitFuzzTest fuzzes the four start forms and two task forms.)
 */
class FormSubmissionCheckPropertiesTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final List<Path> FORMS = forms();
  static final FieldVisibility VISIBILITY = new FieldVisibility(new ScalaFeelEngineFactory().createInstance());

  static List<Path> forms() {
    try (Stream<Path> files = Files.walk(Path.of("forms"))) {
      return files.filter(p -> p.toString().endsWith(".form")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  record Submission(Path form, ObjectNode body, boolean startForm) {
    @Override
    public String toString() {
      String text = body.toString();
      return form + " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
    }
  }

  @Provide
  Arbitrary<Submission> submissions() {
    return Arbitraries.of(FORMS).flatMap(form -> {
      FormSchema schema = schema(form);
      List<String> keys = new ArrayList<>(schema.fields().keySet());
      Arbitrary<String> names = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of(keys)),
          Tuple.of(1, Arbitraries.of("caseNumber", "handlingGroup", "", " ", "__proto__", "😀", "a\u0000b")),
          Tuple.of(1, Arbitraries.strings().ofMaxLength(12)));
      Arbitrary<ObjectNode> variable = Combinators.combine(values(), types()).as((value, type) -> {
        ObjectNode node = NODES.objectNode();
        node.set("value", value);
        if (type != null) {
          node.put("type", type);
        }
        return node;
      });
      Arbitrary<Map<String, ObjectNode>> variables = Arbitraries.maps(names, variable).ofMaxSize(keys.size() + 2);
      return Combinators.combine(variables, Arbitraries.of(true, false)).as((vars, start) -> {
        ObjectNode body = NODES.objectNode();
        vars.forEach(body.putObject("variables")::set);
        return new Submission(form, body, start);
      });
    });
  }

  static Arbitrary<JsonNode> values() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(30).map(NODES::textNode),
        Arbitraries.of("phone", "A", "normal", "dispatch", "answered", "2026-12-07", "2026-13-45", "2026-12-07T09:30",
            "[\"quality\"]", "[1]", "true", "13812345678", "x".repeat(5000), " ".repeat(5000), "\n".repeat(4001), "\u0000").map(NODES::textNode),
        Arbitraries.integers().map(NODES::numberNode),
        Arbitraries.of(1e308, -0.0, 1e16, 3.5).map(NODES::numberNode),
        Arbitraries.just(NODES.numberNode(new BigInteger("9".repeat(40)))),
        Arbitraries.of(true, false).map(NODES::booleanNode),
        Arbitraries.just(NODES.nullNode()),
        Arbitraries.just(NODES.arrayNode().add("quality")),
        Arbitraries.just(NODES.objectNode().put("a", 1)));
  }

  static Arbitrary<String> types() {
    return Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just(null)),
        Tuple.of(1, Arbitraries.of("String", "Integer", "Long", "Double", "Boolean", "Json", "Object", "Date", "Null")));
  }

  @Property(tries = 2000)
  void shouldNameAFieldForEveryProblemAndPassOnlyWritableFieldsOfTheirType(
      @ForAll("submissions") Submission submission) {
    FormSchema schema = schema(submission.form());
    FormSubmissionCheck.Outcome outcome = FormSubmissionCheck.check(submission.body(), schema,
        submission.startForm(), Map.of(), VISIBILITY);

    Set<String> sent = new java.util.HashSet<>();
    submission.body().path("variables").fieldNames().forEachRemaining(sent::add);
    for (FieldProblem problem : outcome.problems()) {
      assertThat(problem.field()).as("every problem names a field").isNotBlank();
      String root = problem.field().contains(".") && !sent.contains(problem.field())
          ? problem.field().substring(0, problem.field().lastIndexOf('.')) : problem.field();
      assertThat(sent.contains(root) || schema.fields().containsKey(root) || root.equals("variables"))
          .as("%s names a field that was sent or that the form has", problem).isTrue();
      assertThat(problem.message()).isNotBlank();
    }
    // every field the check lets through (no problem names it), whether or not others were refused
    Set<String> refused = new java.util.HashSet<>();
    outcome.problems().forEach(problem -> {
      refused.add(problem.field());
      refused.add(problem.field().split("\\.")[0]);
    });
    if (outcome.submission() != null && outcome.submission().path("variables").isObject()) {
      outcome.submission().path("variables").fields().forEachRemaining(entry -> {
        if (refused.contains(entry.getKey()) || refused.contains("variables")) {
          return;
        }
        FormField field = schema.field(entry.getKey());
        assertThat(field).as("only the form's fields pass: %s", entry.getKey()).isNotNull();
        assertThat(field.readonly()).as("no read-only field passes: %s", entry.getKey()).isFalse();
        JsonNode value = entry.getValue().path("value");
        if (value.isTextual() && !field.isList()) {
          assertThat(value.asText().length()).isLessThanOrEqualTo(FormField.ENGINE_TEXT_LIMIT);
          assertThat(value.asText()).doesNotContain("\u0000");
          if (field.options() != null && !value.asText().isBlank()) {
            assertThat(field.options()).contains(value.asText());
          }
        }
        if (field.isNumber() && value.isNumber()) {
          assertThat(Double.isFinite(value.asDouble())).isTrue();
        }
        if (field.isCheckbox() && !value.isNull() && !value.isMissingNode()) {
          assertThat(value.isBoolean()).as("a yes/no field passes a boolean only").isTrue();
        }
      });
    }
  }

  private static final Map<Path, FormSchema> schemas = new java.util.concurrent.ConcurrentHashMap<>();

  static FormSchema schema(Path form) {
    return schemas.computeIfAbsent(form, f -> {
      try {
        return FormSchema.of(JSON.readTree(Files.readString(f)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
