package io.converge.saga.runtime.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SagaOperationsTest {

  @Test
  void aCommentFitsTheHistoryAsItIsOrShortenedToItsColumn() {
    assertThat(SagaOperations.historyText(null)).isEmpty();
    assertThat(SagaOperations.historyText("fixed by hand")).isEqualTo("fixed by hand");
    assertThat(SagaOperations.historyText("x".repeat(255))).isEqualTo("x".repeat(255));

    String shortened = SagaOperations.historyText("x".repeat(2000));
    assertThat(shortened).hasSize(255).endsWith("…");
  }

  /** Characters, not UTF-16 units: a character outside the BMP is never cut in half. */
  @Test
  void aShortenedCommentKeepsWholeCharacters() {
    String shortened = SagaOperations.historyText("😀".repeat(300));
    assertThat(shortened.codePointCount(0, shortened.length())).isEqualTo(255);
    assertThat(shortened).isEqualTo("😀".repeat(254) + "…");
  }
}
