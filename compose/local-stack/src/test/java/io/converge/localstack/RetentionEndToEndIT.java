package io.converge.localstack;

import static io.converge.localstack.TestSystem.awaitSaga;
import static io.converge.localstack.TestSystem.newCustomer;
import static io.converge.localstack.TestSystem.newProduct;
import static io.converge.localstack.TestSystem.order;
import static io.converge.localstack.TestSystem.place;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.converge.saga.runtime.state.SagaRetention;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Nothing grows without bound: ended sagas are deleted after their retention, once the reconciler has checked them. */
class RetentionEndToEndIT {

  @BeforeAll
  static void startSystem() {
    TestSystem.get();
  }

  @Test
  void anEndedSagaPastItsRetentionIsDeletedWithItsHistoryAndARecentOneStays() {
    String customer = newCustomer("100.00");
    String sku = newProduct("1.00", 10);
    String old = place(order(customer, sku, 1, "card")).get("sagaId").asText();
    String recent = place(order(customer, sku, 1, "card")).get("sagaId").asText();
    assertThat(awaitSaga(old).get("state").asText()).isEqualTo("COMPLETED");
    assertThat(awaitSaga(recent).get("state").asText()).isEqualTo("COMPLETED");
    JdbcTemplate orchestrator = TestSystem.jdbc("saga-orchestrator");
    await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(orchestrator.queryForObject(
        "SELECT (SELECT ended_at FROM reconciler_checkpoint WHERE name = 'sweep') >= "
            + "(SELECT MAX(ended_at) FROM saga_summary WHERE saga_id IN (?, ?))", Boolean.class, old, recent)));
    // As if it had ended 40 days ago (the default retention is 30 days).
    orchestrator.update("UPDATE saga_summary SET ended_at = DATE_SUB(ended_at, INTERVAL 40 DAY) WHERE saga_id = ?", old);

    TestSystem.get().context("saga-orchestrator").getBean(SagaRetention.class).purgeExpired();

    assertThat(count(orchestrator, "saga_summary", old)).isZero();
    assertThat(count(orchestrator, "saga_history", old)).isZero();
    assertThat(count(orchestrator, "saga_instance", old)).isZero();
    int status = TestSystem.http("saga-orchestrator").get().uri("/api/sagas/{id}", old)
        .exchange((request, response) -> response.getStatusCode().value());
    assertThat(status).isEqualTo(404);
    assertThat(count(orchestrator, "saga_summary", recent)).isOne();
    assertThat(count(orchestrator, "saga_history", recent)).isPositive();
  }

  private static long count(JdbcTemplate jdbc, String table, String sagaId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE saga_id = ?", Long.class, sagaId);
  }
}
