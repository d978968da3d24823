package org.serviceflow.priority;

import java.util.List;

/**
 * Why a task is served first, as staff read it: the task-local variable {@link #REASON} that {@link RaisePriority}
 * writes on every task created at or above {@code serviceflow.task-priority.raised}, e.g. "A类客户" or "A类客户、紧急"
 * (the labels of the rules that matched), or {@link #BY_MODEL} when the model's own priority raised it. The task card
 * (package taskcard) shows it.
 */
public final class ServedFirst {

  /** Task-local variable: why this task is served first; absent on a task below the raised priority. */
  public static final String REASON = "priorityReason";
  /** The reason of a task raised by its model's {@code camunda:priority}, not by a rule. */
  public static final String BY_MODEL = "优先";
  static final String SEPARATOR = "、";

  private ServedFirst() {
  }

  /** The reason shown for these rule labels. */
  static String reason(List<String> labels) {
    return labels.isEmpty() ? BY_MODEL : String.join(SEPARATOR, labels);
  }
}
