package org.serviceflow.merge;

import java.util.HashSet;
import java.util.Set;

/**
 * How alike two subjects are, for Chinese text without a word segmenter: the Jaccard index of their character
 * bigrams (|A∩B| / |A∪B|, 0 to 1), after dropping whitespace and punctuation and folding Latin letters to lower case.
 * "冰箱不制冷，已经坏了三天" and "冰箱又不制冷了" share 冰箱, 箱不, 不制, 制冷. A text of one character is its own
 * single "bigram". PostgreSQL's pg_trgm would do the same for trigrams, but the embedded PostgreSQL of the tests and
 * H2 do not have it, and trigrams are too long for short Chinese subjects.
 */
final class SubjectSimilarity {

  private SubjectSimilarity() {
  }

  static double of(String a, String b) {
    Set<String> left = bigrams(a);
    Set<String> right = bigrams(b);
    if (left.isEmpty() || right.isEmpty()) {
      return 0;
    }
    Set<String> union = new HashSet<>(left);
    union.addAll(right);
    left.retainAll(right);
    return (double) left.size() / union.size();
  }

  static Set<String> bigrams(String text) {
    Set<String> bigrams = new HashSet<>();
    if (text == null) {
      return bigrams;
    }
    int[] letters = text.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).toArray();
    if (letters.length == 1) {
      bigrams.add(new String(letters, 0, 1));
    }
    for (int i = 0; i + 1 < letters.length; i++) {
      bigrams.add(new String(letters, i, 2));
    }
    return bigrams;
  }
}
