package org.serviceflow.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import net.jqwik.api.statistics.Statistics;

/**
 * The outcomes required of every fuzzed request: never a 5xx; a refusal is 400 problem details whose
 * errors name the field; a refused request changes no case and no process instance; an accepted one
 * creates exactly one case (and one process instance for a start).
 */
final class Verdict {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Verdict() {
  }

  /**
   * Checks one answer. {@code named}: the fields a refusal may name (a touched field, or one whose rule
   * depends on it), matched with their sub-paths; null when any field may be named (another body).
   * Returns whether the request was accepted.
   */
  static boolean check(HttpResponse<String> response, int acceptedStatus, FuzzedApplication.Counts before,
      FuzzedApplication.Counts after, Collection<String> named, long instancesPerAcceptance) {
    int status = response.statusCode();
    String body = response.body();
    assertThat(status).as("no 5xx; body: %s", shorten(body)).isLessThan(500);
    if (status == acceptedStatus) {
      assertThat(after).as("an accepted request creates exactly one case").isEqualTo(before.plus(1, instancesPerAcceptance));
      Statistics.label("outcome").collect("accepted");
      return true;
    }
    assertThat(status).as("a refusal is 400; body: %s", shorten(body)).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .as("problem details; body: %s", shorten(body)).startsWith("application/problem+json");
    JsonNode problem = read(body);
    assertThat(problem.path("status").asInt()).isEqualTo(400);
    List<String> fields = new ArrayList<>();
    problem.path("errors").forEach(error -> fields.add(error.path("field").asText("")));
    assertThat(fields).as("the refusal names the fields: %s", shorten(body)).isNotEmpty().allSatisfy(f -> assertThat(f).isNotBlank());
    if (named != null && !named.isEmpty()) {
      assertThat(fields).as("names a touched field %s: %s", named, shorten(body))
          .anySatisfy(field -> assertThat(named).anyMatch(name -> field.equals(name) || field.startsWith(name + ".")
              || field.startsWith(name + "[")));
    }
    assertThat(after).as("a refused request changes no case and no process instance").isEqualTo(before);
    Statistics.label("outcome").collect("refused");
    return false;
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + shorten(body), e);
    }
  }

  static String shorten(String text) {
    return text == null || text.length() < 2000 ? text : text.substring(0, 2000) + "…";
  }
}
