package org.serviceflow.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The character-bigram Jaccard index that decides which open cases are offered as duplicates (并单). */
class SubjectSimilarityTest {

  @Test
  void shouldCountSharedBigramsOverAllBigramsIgnoringPunctuation() {
    // 18 and 17 bigrams, 6 shared (净水 水器 漏水 水地 地板 泡坏): 6 / 29
    assertThat(SubjectSimilarity.of("净水器还在漏水，地板都泡坏了，什么时候处理", "新买的净水器使用三天后漏水，地板被泡坏。"))
        .isCloseTo(6.0 / 29, within(1e-9)).isGreaterThanOrEqualTo(DuplicateCandidates.SIMILAR);
  }

  @Test
  void shouldScoreAShortSubjectAgainstALongOneLow() {
    // 沙发 is the only shared bigram of 6 and 16: 1 / 21, below the threshold
    assertThat(SubjectSimilarity.of("沙发还没有送到", "订购的沙发超过约定日期一周仍未送货。"))
        .isCloseTo(1.0 / 21, within(1e-9)).isLessThan(DuplicateCandidates.SIMILAR);
    assertThat(SubjectSimilarity.of("订购的沙发超过日期还没送货", "订购的沙发超过约定日期一周仍未送货。"))
        .isCloseTo(8.0 / 20, within(1e-9));
  }

  @Test
  void shouldFoldLatinCaseAndTreatEmptyOrUnrelatedTextsAsNotSimilar() {
    assertThat(SubjectSimilarity.of("KX-100 漏水", "kx100漏水")).isEqualTo(1.0);
    assertThat(SubjectSimilarity.of("冰箱不制冷", "洗衣机漏水")).isZero();
    assertThat(SubjectSimilarity.of("", "漏水")).isZero();
    assertThat(SubjectSimilarity.of(null, "漏水")).isZero();
    assertThat(SubjectSimilarity.of("水", "水")).isEqualTo(1.0);
  }
}
