package org.serviceflow.formsubmit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.serviceflow.web.FieldProblem;

/**
 * Checks a Tasklist form submission ({@code {"variables": {"name": {"value": …, "type": …}}}}) against its Camunda
 * Form, with the rules form-js checks in the browser, so that a request sent around the browser cannot write what the
 * form would not: only the form's fields, of the field's type, required ones present, within length, range, pattern
 * and options, dates real dates, no NUL character. Read-only fields and fields the form hides are dropped from
 * the submission (the browser does not send them either), so the process keeps its own values.
 */
final class FormSubmissionCheck {

  /** Problems found, and the submission to pass on (read-only and hidden fields removed). */
  record Outcome(List<FieldProblem> problems, ObjectNode submission) {
  }

  private static final Set<String> START_PROPERTIES = Set.of("variables", "businessKey");
  private static final Set<String> TASK_PROPERTIES = Set.of("variables", "withVariablesInReturn");
  private static final Set<String> VARIABLE_PROPERTIES = Set.of("value", "type", "valueInfo");
  private static final Set<String> NUMBER_TYPES = Set.of("Integer", "Long", "Short", "Double", "Float");
  private static final int BUSINESS_KEY_LIMIT = 255;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FormSchema form;
  private final FieldVisibility visibility;
  private final List<FieldProblem> problems = new ArrayList<>();

  private FormSubmissionCheck(FormSchema form, FieldVisibility visibility) {
    this.form = form;
    this.visibility = visibility;
  }

  /**
   * @param current the variables the task already sees (empty for a start form): conditions read them together with
   *     the submitted values, as form-js does
   */
  static Outcome check(JsonNode body, FormSchema form, boolean startForm, Map<String, Object> current,
      FieldVisibility visibility) {
    return new FormSubmissionCheck(form, visibility).run(body, startForm, current);
  }

  private Outcome run(JsonNode body, boolean startForm, Map<String, Object> current) {
    if (body == null || !body.isObject()) {
      problems.add(new FieldProblem("body", "请求体必须是 JSON 对象"));
      return new Outcome(problems, null);
    }
    ObjectNode submission = ((ObjectNode) body).deepCopy();
    Set<String> allowed = startForm ? START_PROPERTIES : TASK_PROPERTIES;
    submission.fieldNames().forEachRemaining(name -> {
      if (!allowed.contains(name)) {
        problems.add(new FieldProblem(name.isBlank() ? "body" : name, "不认识的属性"));
      }
    });
    JsonNode businessKey = submission.path("businessKey");
    if (!businessKey.isMissingNode() && !businessKey.isNull()
        && (!businessKey.isTextual() || businessKey.asText().length() > BUSINESS_KEY_LIMIT)) {
      problems.add(new FieldProblem("businessKey", "须为不超过 " + BUSINESS_KEY_LIMIT + " 个字符的文本"));
    }
    JsonNode variables = submission.path("variables");
    if (variables.isMissingNode() || variables.isNull()) {
      variables = submission.putObject("variables");
    }
    if (!variables.isObject()) {
      problems.add(new FieldProblem("variables", "须为 JSON 对象：字段名 → {\"value\": …}"));
      return new Outcome(problems, submission);
    }
    ObjectNode submitted = (ObjectNode) variables;
    Map<String, Object> values = new HashMap<>(current);
    submitted.fields().forEachRemaining(entry -> values.put(entry.getKey(), plain(entry.getValue().path("value"))));
    for (Iterator<Map.Entry<String, JsonNode>> it = submitted.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      FormField field = form.field(entry.getKey());
      if (field == null) {
        problems.add(new FieldProblem(entry.getKey().isBlank() ? "variables" : entry.getKey(), "表单中没有这个字段"));
      } else if (field.readonly() || visibility.hidden(field, values)) {
        it.remove();
      } else {
        checkVariable(field, entry.getValue());
      }
    }
    form.fields().values().stream()
        .filter(field -> field.required() && !field.readonly() && !submitted.has(field.key()))
        .filter(field -> !visibility.hidden(field, values))
        .forEach(field -> problems.add(new FieldProblem(field.key(), field.shownName() + "：必填")));
    return new Outcome(problems, submission);
  }

  private void checkVariable(FormField field, JsonNode variable) {
    String key = field.key();
    if (!variable.isObject()) {
      problems.add(new FieldProblem(key, "须为 {\"value\": …} 形式"));
      return;
    }
    variable.fieldNames().forEachRemaining(name -> {
      if (!VARIABLE_PROPERTIES.contains(name)) {
        problems.add(new FieldProblem(key + "." + name, "不认识的属性"));
      }
    });
    JsonNode value = variable.path("value");
    String type = variable.path("type").isTextual() ? variable.path("type").asText() : null;
    if (!variable.path("type").isMissingNode() && !variable.path("type").isNull() && type == null) {
      problems.add(new FieldProblem(key + ".type", "须为文本"));
      return;
    }
    if (value.isTextual() && value.asText().length() > field.textLimit()) {
      // also blank text: it counts as empty below, but the engine still has to store every character of it
      problems.add(new FieldProblem(key, field.shownName() + "：最多 " + field.textLimit() + " 个字符"));
      return;
    }
    boolean textField = !field.isNumber() && !field.isCheckbox() && !field.isList();
    if (value.isTextual() && value.asText().isBlank() && !textField) {
      // form-js sends null for an empty number, a boolean for a checkbox and a list for a checklist: never text
      problems.add(new FieldProblem(key, field.shownName() + "：" + expectedShape(field)));
      return;
    }
    boolean empty = value.isMissingNode() || value.isNull() || (value.isTextual() && value.asText().isBlank());
    if (empty) {
      if (type != null && !"Null".equals(type) && !"String".equals(type) && !expectedType(field, type)) {
        problems.add(new FieldProblem(key + ".type", "类型不符：" + type));
      } else if (field.required()) {
        problems.add(new FieldProblem(key, field.shownName() + "：必填"));
      }
      return;
    }
    if (field.isNumber()) {
      checkNumber(field, value, type);
    } else if (field.isCheckbox()) {
      if (!value.isBoolean() || (type != null && !"Boolean".equals(type))) {
        problems.add(new FieldProblem(key, field.shownName() + "：" + expectedShape(field)));
      }
    } else if (field.isList()) {
      checkList(field, value, type);
    } else {
      checkText(field, value, type);
    }
  }

  private static String expectedShape(FormField field) {
    return field.isNumber() ? "须为数字" : field.isCheckbox() ? "须为是或否" : "须为选项列表";
  }

  private static boolean expectedType(FormField field, String type) {
    if (field.isNumber()) {
      return NUMBER_TYPES.contains(type);
    }
    if (field.isCheckbox()) {
      return "Boolean".equals(type);
    }
    return field.isList() ? "Json".equals(type) : "String".equals(type);
  }

  private void checkNumber(FormField field, JsonNode value, String type) {
    String key = field.key();
    if (!value.isNumber() || (type != null && !NUMBER_TYPES.contains(type))) {
      problems.add(new FieldProblem(key, field.shownName() + "：" + expectedShape(field)));
      return;
    }
    double number = value.asDouble();
    boolean fits = value.isIntegralNumber() ? value.canConvertToLong() : Double.isFinite(number);
    if (!fits || Math.abs(number) > 1e15) {
      problems.add(new FieldProblem(key, field.shownName() + "：数值超出范围"));
    } else if (field.min() != null && number < field.min()) {
      problems.add(new FieldProblem(key, field.shownName() + "：不能小于 " + plainNumber(field.min())));
    } else if (field.max() != null && number > field.max()) {
      problems.add(new FieldProblem(key, field.shownName() + "：不能大于 " + plainNumber(field.max())));
    }
  }

  private void checkList(FormField field, JsonNode value, String type) {
    String key = field.key();
    JsonNode list = value;
    if (value.isTextual()) {
      try {
        list = JSON.readTree(value.asText());
      } catch (Exception notJson) {
        list = null;
      }
    }
    if (list == null || !list.isArray() || (type != null && !"Json".equals(type))) {
      problems.add(new FieldProblem(key, field.shownName() + "：" + expectedShape(field)));
      return;
    }
    for (JsonNode item : list) {
      if (!item.isTextual() || (field.options() != null && !field.options().contains(item.asText()))) {
        problems.add(new FieldProblem(key, field.shownName() + "：不是可选的选项"));
        return;
      }
    }
    if (field.required() && list.isEmpty()) {
      problems.add(new FieldProblem(key, field.shownName() + "：必填"));
    }
  }

  private void checkText(FormField field, JsonNode value, String type) {
    String key = field.key();
    if (!value.isTextual() || (type != null && !"String".equals(type))) {
      problems.add(new FieldProblem(key, field.shownName() + "：须为文本"));
      return;
    }
    String text = value.asText();
    if (text.indexOf('\u0000') >= 0) {
      problems.add(new FieldProblem(key, field.shownName() + "：不能包含空字符 (NUL)"));
    } else if (field.minLength() != null && text.length() < field.minLength()) {
      problems.add(new FieldProblem(key, field.shownName() + "：至少 " + field.minLength() + " 个字符"));
    } else if (field.options() != null && !field.options().contains(text)) {
      problems.add(new FieldProblem(key, field.shownName() + "：不是可选的选项"));
    } else if (field.pattern() != null && !matches(field.pattern(), text)) {
      problems.add(new FieldProblem(key, field.shownName() + "：格式不正确"));
    } else if (field.isDate() && !isDate(field.subtype(), text)) {
      problems.add(new FieldProblem(key, field.shownName() + "：不是有效的日期或时间"));
    }
  }

  private static boolean matches(String pattern, String text) {
    try {
      return Pattern.compile(pattern).matcher(text).matches();
    } catch (PatternSyntaxException notJava) {
      return true; // a browser-only pattern: form-js has checked it
    }
  }

  /** form-js writes dates as 2026-12-07, date-times as 2026-12-07T09:30 (or with an offset) and times as 09:30. */
  private static boolean isDate(String subtype, String text) {
    try {
      if ("time".equals(subtype)) {
        LocalTime.parse(text);
        return true;
      }
      int year;
      if ("datetime".equals(subtype)) {
        year = text.length() > 16 && (text.endsWith("Z") || text.lastIndexOf('+') > 10 || text.lastIndexOf('-') > 10)
            ? OffsetDateTime.parse(text).getYear() : LocalDateTime.parse(text).getYear();
      } else {
        year = LocalDate.parse(text).getYear();
      }
      return year >= 1900 && year <= 2999;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static Object plain(JsonNode value) {
    if (value.isTextual()) {
      return value.asText();
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return value.asLong();
    }
    return value.isNumber() ? value.asDouble() : null;
  }

  private static String plainNumber(double number) {
    return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
  }
}
