package io.converge.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.converge.contracts.payment.PaymentChannels;
import io.converge.contracts.payment.RequestRiskReview;
import io.converge.contracts.payment.WithdrawReview;
import io.converge.devinfra.KafkaWireClient;
import io.converge.devinfra.ServiceUnderTest;
import io.converge.devinfra.WireMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The risk review's deferred reply, over real MariaDB and Kafka: the request is answered when a person decides,
 * correlated with the newest copy of the request; a withdrawal ends the review whatever it was.
 */
class RiskReviewIT {

  private static final String REPLIES = "converge.test.review-replies";

  @RegisterExtension
  static final ServiceUnderTest participant = new ServiceUnderTest(PaymentServiceApplication::application,
      "it_review");

  @Test
  void aRequestIsAnsweredOnlyWhenAPersonDecidesAndThenToItsNewestCopy() {
    String orderId = UUID.randomUUID().toString();
    RequestRiskReview request = request(orderId, Duration.ofMinutes(10));
    String first = participant.wire().sendCommand(PaymentChannels.COMMANDS, "payment.RequestRiskReview", request,
        REPLIES, orderId);
    awaitReview(orderId);
    String second = participant.wire().sendCommand(PaymentChannels.COMMANDS, "payment.RequestRiskReview", request,
        REPLIES, orderId);
    String newest = awaitNewest(orderId, first, second);
    assertThat(replies(orderId, 1, Duration.ofSeconds(2))).as("no reply before a person decides").isEmpty();

    JsonNode decided = decide(orderId, "APPROVE");

    assertThat(decided.get("state").asText()).isEqualTo("APPROVED");
    List<WireMessage> replies = replies(orderId, 1, Duration.ofSeconds(30));
    assertThat(replies).hasSize(1);
    assertThat(replies.get(0).header("reply_type")).isEqualTo("payment.RiskApproved");
    assertThat(replies.get(0).header("reply_outcome-type")).isEqualTo("SUCCESS");
    assertThat(replies.get(0).header("reply_to_message_id")).isEqualTo(newest);
    assertThat(KafkaWireClient.readJson(replies.get(0).payload()).get("reviewer").asText()).isEqualTo("rita");
  }

  @Test
  void aRequestForADecidedReviewIsAnsweredAtOnceAndAWithdrawnOneIsRejected() {
    String decidedOrder = UUID.randomUUID().toString();
    participant.wire().sendCommand(PaymentChannels.COMMANDS, "payment.RequestRiskReview",
        request(decidedOrder, Duration.ofMinutes(10)), REPLIES, decidedOrder);
    awaitReview(decidedOrder);
    decide(decidedOrder, "REJECT");
    List<WireMessage> again = participant.wire().sendAndAwaitReplies(PaymentChannels.COMMANDS,
        request(decidedOrder, Duration.ofMinutes(10)), 1, REPLIES, decidedOrder, 2);
    assertThat(again).extracting(r -> r.header("reply_type")).containsOnly("payment.RiskRejected");

    String withdrawnFirst = UUID.randomUUID().toString();
    participant.wire().sendAndAwaitReplies(PaymentChannels.COMMANDS, new WithdrawReview(withdrawnFirst), 1, REPLIES,
        withdrawnFirst, 1);
    List<WireMessage> late = participant.wire().sendAndAwaitReplies(PaymentChannels.COMMANDS,
        request(withdrawnFirst, Duration.ofMinutes(10)), 1, REPLIES, withdrawnFirst, 2);
    // Replies are keyed by their own ids, so the two may sit in different partitions: their order is not given.
    assertThat(late).extracting(r -> r.header("reply_type"))
        .containsExactlyInAnyOrder("payment.ReviewWithdrawn", "payment.RiskRejected");
    assertThat(review(withdrawnFirst).get("state").asText()).isEqualTo("WITHDRAWN");
  }

  @Test
  void aDecisionAtOrAfterTheDeadlineOrOnAWithdrawnReviewIsRefusedAndChangesNothing() throws InterruptedException {
    String late = UUID.randomUUID().toString();
    participant.wire().sendCommand(PaymentChannels.COMMANDS, "payment.RequestRiskReview",
        request(late, Duration.ofMillis(1500)), REPLIES, late);
    awaitReview(late);
    Thread.sleep(2500); // past its deadline
    assertThat(decideStatus(late, "APPROVE")).isEqualTo(409);
    assertThat(review(late).get("state").asText()).isEqualTo("PENDING");

    String withdrawn = UUID.randomUUID().toString();
    participant.wire().sendCommand(PaymentChannels.COMMANDS, "payment.RequestRiskReview",
        request(withdrawn, Duration.ofMinutes(10)), REPLIES, withdrawn);
    awaitReview(withdrawn);
    participant.wire().sendAndAwaitReplies(PaymentChannels.COMMANDS, new WithdrawReview(withdrawn), 1, REPLIES,
        withdrawn, 1);
    assertThat(decideStatus(withdrawn, "APPROVE")).isEqualTo(409);
    assertThat(replies(withdrawn, 2, Duration.ofSeconds(2))).extracting(r -> r.header("reply_type"))
        .containsExactly("payment.ReviewWithdrawn");
  }

  private static RequestRiskReview request(String orderId, Duration decideWithin) {
    return new RequestRiskReview(orderId, "c-1", new BigDecimal("7500.00"),
        Instant.now().plus(decideWithin).toEpochMilli());
  }

  /** Waits until payment-service took the second copy as the newest (the reply goes to it); returns its id. */
  private static String awaitNewest(String orderId, String first, String second) {
    JdbcTemplate jdbc = participant.service().bean(JdbcTemplate.class);
    await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
        "SELECT reply_headers FROM risk_reviews WHERE order_id = ?", String.class, orderId).contains(second));
    assertThat(first).isNotEqualTo(second);
    return second;
  }

  private static List<WireMessage> replies(String orderId, int count, Duration wait) {
    return participant.wire().await(REPLIES, m -> orderId.equals(m.header("commandreply_saga_id")), count, wait);
  }

  private static void awaitReview(String orderId) {
    await().atMost(Duration.ofSeconds(30)).until(() -> status(orderId) == 200);
  }

  private static int status(String orderId) {
    Integer status = participant.http().get().uri("/api/reviews/{id}", orderId)
        .exchange((request, response) -> response.getStatusCode().value());
    return status;
  }

  private static JsonNode review(String orderId) {
    return participant.http().get().uri("/api/reviews/{id}", orderId).retrieve().body(JsonNode.class);
  }

  private static JsonNode decide(String orderId, String decision) {
    return participant.http().post().uri("/api/reviews/{id}", orderId).contentType(MediaType.APPLICATION_JSON)
        .body("{\"decision\":\"" + decision + "\",\"comment\":\"checked\",\"reviewer\":\"rita\"}").retrieve()
        .body(JsonNode.class);
  }

  private static int decideStatus(String orderId, String decision) {
    Integer status = participant.http().post().uri("/api/reviews/{id}", orderId)
        .contentType(MediaType.APPLICATION_JSON)
        .body("{\"decision\":\"" + decision + "\",\"comment\":\"checked\",\"reviewer\":\"rita\"}")
        .exchange((request, response) -> response.getStatusCode().value());
    return status;
  }
}
