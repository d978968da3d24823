package org.serviceflow.knowledge;

import java.util.Set;

/** The passage of an answer around its first term of the question, so staff see at once why it matched. */
final class Snippet {

  static final int BEFORE = 20;
  static final int LENGTH = 80;

  private Snippet() {
  }

  static String of(String answer, Set<String> terms) {
    String lower = answer.toLowerCase(java.util.Locale.ROOT);
    int first = terms.stream().mapToInt(lower::indexOf).filter(at -> at >= 0).min().orElse(0);
    int start = Math.max(0, first - BEFORE);
    int end = Math.min(answer.length(), start + LENGTH);
    return (start > 0 ? "…" : "") + answer.substring(start, end) + (end < answer.length() ? "…" : "");
  }
}
