package org.serviceflow.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class BigramsTest {

  @Test
  void shouldCutChineseIntoOverlappingPairs() {
    assertThat(Bigrams.of("社保卡补办")).containsExactly("社保", "保卡", "卡补", "补办");
  }

  @Test
  void shouldSeparateAtPunctuationAndKeepOtherWordsWhole() {
    assertThat(Bigrams.of("拨打12333挂失，App 办理。车"))
        .containsExactly("拨打", "12333", "挂失", "app", "办理", "车");
  }

  @Test
  void shouldFoldFullWidthFormsAndCase() {
    assertThat(Bigrams.of("ＡＰＰ１２３")).containsExactly("app123");
  }

  @Test
  void shouldHaveNoTermsForPunctuationOnlyOrNothing() {
    assertThat(Bigrams.of("，。！ ")).isEmpty();
    assertThat(Bigrams.of(null)).isEmpty();
  }

  @Test
  void shouldShowTheAnswerAroundTheFirstMatchingTerm() {
    String answer = "住宅装修施工时间一般为工作日 8:00—12:00、14:00—18:00，法定节假日和休息日不得进行产生噪声的装修作业。"
        + "楼上或邻居装修噪声扰民、超时施工的，可先联系物业管理单位劝阻；劝阻无效的，由街道或城管执法部门依法处理。";

    assertThat(Snippet.of(answer, Set.of("物业"))).startsWith("…").contains("物业管理单位").endsWith("依法处理。");
    assertThat(Snippet.of(answer, Set.of("天气"))).startsWith("住宅装修").hasSize(Snippet.LENGTH + 1);
    assertThat(Snippet.of("短答复", Set.of("答复"))).isEqualTo("短答复");
  }
}
