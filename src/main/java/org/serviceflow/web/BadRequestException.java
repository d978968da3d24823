package org.serviceflow.web;

import java.util.List;

/**
 * Thrown by services for input that is well-formed but wrong (e.g. an unknown product number):
 * answered as 400 problem details naming the fields. Throw it before writing anything, or inside
 * the transaction so that it rolls back.
 */
public class BadRequestException extends IllegalArgumentException {

  private final List<FieldProblem> problems;

  public BadRequestException(String field, String message) {
    this(List.of(new FieldProblem(field, message)));
  }

  public BadRequestException(List<FieldProblem> problems) {
    super(describe(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a bad request names at least one field");
    }
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }

  /** The 400 problem details our API answers for it (for filters, which run outside the controllers' advice). */
  public org.springframework.http.ProblemDetail toProblemDetail() {
    return ProblemDetailsAdvice.badRequest(problems);
  }

  private static String describe(List<FieldProblem> problems) {
    return problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse("");
  }
}
