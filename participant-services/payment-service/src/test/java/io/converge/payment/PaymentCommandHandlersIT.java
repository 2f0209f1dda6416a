package io.converge.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.converge.contracts.payment.AuthorizePayment;
import io.converge.contracts.payment.PaymentChannels;
import io.converge.contracts.payment.VoidPayment;
import io.converge.devinfra.KafkaWireClient;
import io.converge.devinfra.ServiceUnderTest;
import io.converge.devinfra.WireMessage;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PaymentCommandHandlersIT {

  private static final String REPLIES = "converge.test.payment-replies";

  @RegisterExtension
  static final ServiceUnderTest participant = new ServiceUnderTest(PaymentServiceApplication::application,
      "it_payment");

  @Test
  void authorizesOnceWithTheSamePaymentIdWhenTheCommandArrivesTwice() {
    String orderId = UUID.randomUUID().toString();

    List<WireMessage> replies = send(new AuthorizePayment(orderId, "c-1", BigDecimal.TEN, "card"), orderId, 2);

    assertThat(replies).extracting(r -> r.header("reply_type")).containsOnly("payment.PaymentAuthorized");
    assertThat(replies).extracting(r -> KafkaWireClient.readJson(r.payload()).get("paymentId").asText())
        .containsOnly(payments(orderId).get(0).get("paymentId").asText());
    assertThat(payments(orderId)).hasSize(1);
  }

  @Test
  void alwaysDeclinesTheDeclinedPaymentMethod() {
    String orderId = UUID.randomUUID().toString();

    List<WireMessage> replies = send(new AuthorizePayment(orderId, "c-1", BigDecimal.TEN, "card-declined"), orderId, 2);

    assertThat(replies).extracting(r -> r.header("reply_type")).containsOnly("payment.PaymentDeclined");
    assertThat(replies).extracting(r -> r.header("reply_outcome-type")).containsOnly("FAILURE");
  }

  @Test
  void voidsOnceAndVoidingWhatWasNeverAuthorizedSucceeds() {
    String orderId = UUID.randomUUID().toString();
    send(new AuthorizePayment(orderId, "c-1", BigDecimal.TEN, "card"), orderId, 2);

    send(new VoidPayment(orderId), orderId, 4);
    String never = UUID.randomUUID().toString();
    List<WireMessage> noOp = send(new VoidPayment(never), never, 2);

    assertThat(payments(orderId).get(0).get("status").asText()).isEqualTo("VOIDED");
    assertThat(noOp).extracting(r -> r.header("reply_outcome-type")).containsOnly("SUCCESS");
  }

  private List<WireMessage> send(Object command, String orderId, int totalReplies) {
    List<WireMessage> replies = participant.wire().sendAndAwaitReplies(PaymentChannels.COMMANDS,
        command, 2, REPLIES, orderId, totalReplies);
    assertThat(replies).hasSize(totalReplies);
    return replies;
  }

  private List<JsonNode> payments(String orderId) {
    JsonNode list = participant.http().get().uri("/api/payments?orderId={id}", orderId).retrieve().body(JsonNode.class);
    return java.util.stream.StreamSupport.stream(list.spliterator(), false).toList();
  }
}
