package org.serviceflow.models;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExpressionIdentifiersTest {

  @Test
  void shouldFindTheVariablesAConditionReads() {
    assertThat(FormReferencesTest.identifiers("${complaintValid && severity == 'major'}"))
        .containsExactly("complaintValid", "severity");
    assertThat(FormReferencesTest.identifiers("${not empty staffName and rounds ge maxRounds}"))
        .containsExactly("staffName", "rounds", "maxRounds");
    assertThat(FormReferencesTest.identifiers("${deadlines.workdaysFrom(receivedAt, 3)}"))
        .containsExactly("receivedAt");
  }
}
