package org.serviceflow.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Names a bad field the same way everywhere: {@code customer.contacts[0].phone}. */
final class FieldPaths {

  /** Used when no field can be named: the request body as a whole. */
  static final String BODY = "body";

  private FieldPaths() {
  }

  /** The JSON path Jackson was reading when binding failed. */
  static String of(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        appendName(path, reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return orBody(path);
  }

  /** For malformed JSON: the property the parser was in when the syntax broke. */
  static String of(JsonProcessingException e) {
    if (!(e.getProcessor() instanceof JsonParser parser)) {
      return BODY;
    }
    Deque<JsonStreamContext> contexts = new ArrayDeque<>();
    for (JsonStreamContext c = parser.getParsingContext(); c != null; c = c.getParent()) {
      contexts.push(c);
    }
    StringBuilder path = new StringBuilder();
    for (JsonStreamContext context : contexts) {
      if (context.inObject() && context.getCurrentName() != null) {
        appendName(path, context.getCurrentName());
      } else if (context.inArray() && context.getCurrentIndex() >= 0) {
        path.append('[').append(context.getCurrentIndex()).append(']');
      }
    }
    return orBody(path);
  }

  /**
   * The property path of a bean-validation violation, without the method and, for a bean
   * argument, without the parameter name: {@code open.request.customer.name} becomes
   * {@code customer.name}; a violated simple parameter keeps its name.
   */
  static String of(ConstraintViolation<?> violation) {
    List<Path.Node> nodes = new ArrayList<>();
    for (Path.Node node : violation.getPropertyPath()) {
      ElementKind kind = node.getKind();
      if (kind != ElementKind.METHOD && kind != ElementKind.CONSTRUCTOR
          && kind != ElementKind.CROSS_PARAMETER && kind != ElementKind.RETURN_VALUE) {
        nodes.add(node);
      }
    }
    if (nodes.size() > 1 && nodes.get(0).getKind() == ElementKind.PARAMETER) {
      nodes.remove(0);
    }
    StringBuilder path = new StringBuilder();
    for (Path.Node node : nodes) {
      if (node.getIndex() != null) {
        path.append('[').append(node.getIndex()).append(']');
      } else if (node.getKey() != null) {
        path.append('[').append(node.getKey()).append(']');
      }
      if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
        appendName(path, node.getName());
      }
    }
    return orBody(path);
  }

  private static void appendName(StringBuilder path, String name) {
    if (!path.isEmpty()) {
      path.append('.');
    }
    path.append(name);
  }

  private static String orBody(StringBuilder path) {
    return path.isEmpty() ? BODY : path.toString();
  }
}
