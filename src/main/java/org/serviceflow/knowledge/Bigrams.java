package org.serviceflow.knowledge;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The search terms of a text: each run of Chinese characters (Han script) as its overlapping character pairs
 * (社保卡补办 → 社保 保卡 卡补 补办; a lone character stays as it is), each run of other letters and digits as one
 * lower-case word; everything else separates. Full-width forms are folded first (ＡＢＣ１ → abc1). The same terms
 * are indexed and queried, so a query matches an entry wherever they share a pair of characters, without a
 * dictionary of Chinese words (docs/knowledge-base.md).
 */
final class Bigrams {

  private Bigrams() {
  }

  /** All terms in text order, repeats kept (they weigh in the rank). */
  static List<String> of(String text) {
    List<String> terms = new ArrayList<>();
    if (text == null) {
      return terms;
    }
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
    StringBuilder han = new StringBuilder();
    StringBuilder word = new StringBuilder();
    folded.codePoints().forEach(c -> {
      if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
        flushWord(word, terms);
        han.appendCodePoint(c);
      } else if (Character.isLetterOrDigit(c)) {
        flushHan(han, terms);
        word.appendCodePoint(c);
      } else {
        flushHan(han, terms);
        flushWord(word, terms);
      }
    });
    flushHan(han, terms);
    flushWord(word, terms);
    return terms;
  }

  /** The distinct terms, in text order. */
  static Set<String> distinct(String text) {
    return new LinkedHashSet<>(of(text));
  }

  /** The terms as the index stores them: separated by single spaces. */
  static String joined(String text) {
    return String.join(" ", of(text));
  }

  private static void flushHan(StringBuilder han, List<String> terms) {
    int[] chars = han.codePoints().toArray();
    if (chars.length == 1) {
      terms.add(new String(chars, 0, 1));
    }
    for (int i = 0; i + 1 < chars.length; i++) {
      terms.add(new String(chars, i, 2));
    }
    han.setLength(0);
  }

  private static void flushWord(StringBuilder word, List<String> terms) {
    if (!word.isEmpty()) {
      terms.add(word.toString());
      word.setLength(0);
    }
  }
}
