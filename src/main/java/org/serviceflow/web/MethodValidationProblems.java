package org.serviceflow.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/** The bad fields of a controller method validation (constraints on @RequestParam and friends). */
final class MethodValidationProblems {

  private MethodValidationProblems() {
  }

  static List<FieldProblem> of(HandlerMethodValidationException ex) {
    List<FieldProblem> problems = new ArrayList<>();
    for (ParameterValidationResult result : ex.getParameterValidationResults()) {
      if (result instanceof ParameterErrors errors) {
        for (FieldError error : errors.getFieldErrors()) {
          problems.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
        }
        errors.getGlobalErrors().forEach(error ->
            problems.add(new FieldProblem(name(result.getMethodParameter()), error.getDefaultMessage())));
        continue;
      }
      String name = name(result.getMethodParameter());
      String field = result.getContainerIndex() != null ? name + "[" + result.getContainerIndex() + "]"
          : result.getContainerKey() != null ? name + "[" + result.getContainerKey() + "]" : name;
      result.getResolvableErrors().forEach(error -> problems.add(new FieldProblem(field, error.getDefaultMessage())));
    }
    ex.getCrossParameterValidationResults().forEach(error ->
        problems.add(new FieldProblem(FieldPaths.BODY, error.getDefaultMessage())));
    return problems;
  }

  /** The name the client used: the request parameter, path variable or header name. */
  static String name(MethodParameter parameter) {
    RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
    PathVariable pathVariable = parameter.getParameterAnnotation(PathVariable.class);
    RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
    String declared = requestParam != null ? firstNonEmpty(requestParam.name(), requestParam.value())
        : pathVariable != null ? firstNonEmpty(pathVariable.name(), pathVariable.value())
        : header != null ? firstNonEmpty(header.name(), header.value()) : "";
    if (!declared.isEmpty()) {
      return declared;
    }
    String name = parameter.getParameterName();
    return name != null ? name : "arg" + parameter.getParameterIndex();
  }

  private static String firstNonEmpty(String name, String value) {
    return name.isEmpty() ? value : name;
  }
}
