package org.serviceflow.web;

/**
 * One bad input field in a 400 answer: {@code {"field": "customer.phone", "message": "不能为空"}}.
 * The field is the JSON path of the request body property or the request parameter name.
 */
public record FieldProblem(String field, String message) {
}
