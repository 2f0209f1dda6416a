package io.converge.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.converge.contracts.MessageCatalog;
import io.converge.contracts.customer.CreditLimitExceeded;
import io.converge.contracts.customer.CreditReleased;
import io.converge.contracts.customer.CreditReserved;
import io.converge.contracts.customer.CustomerChannels;
import io.converge.contracts.customer.CustomerNotFound;
import io.converge.contracts.customer.ReleaseCredit;
import io.converge.contracts.customer.ReserveCredit;
import io.converge.devinfra.ServiceUnderTest;
import io.converge.devinfra.WireMessage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;

/** The customer service's handlers over real Kafka and a real database: one effect per order, same reply twice. */
class CustomerCommandHandlersIT {

  @RegisterExtension
  static final ServiceUnderTest participant = new ServiceUnderTest(CustomerServiceApplication::application,
      "it_customer");

  @Test
  void reservesCreditOnceWhenTheSameCommandArrivesTwice() {
    String customerId = newCustomer("100.00");
    String orderId = UUID.randomUUID().toString();
    ReserveCredit command = new ReserveCredit(orderId, customerId, new BigDecimal("60.00"));

    List<WireMessage> replies = sendTwice(command, orderId);

    assertThat(replies).extracting(r -> r.header("reply_type"))
        .containsOnly(MessageCatalog.wireNameOf(CreditReserved.class));
    assertThat(replies).extracting(r -> r.header("reply_outcome-type")).containsOnly("SUCCESS");
    JsonNode customer = customer(customerId);
    assertThat(customer.get("available").decimalValue()).isEqualByComparingTo("40.00");
    assertThat(customer.get("openReservations")).hasSize(1);
  }

  @Test
  void rejectsOverTheLimitWithTheSameReplyEachTime() {
    String customerId = newCustomer("10.00");
    String orderId = UUID.randomUUID().toString();

    List<WireMessage> replies = sendTwice(new ReserveCredit(orderId, customerId, new BigDecimal("60.00")), orderId);

    assertThat(replies).extracting(r -> r.header("reply_type"))
        .containsOnly(MessageCatalog.wireNameOf(CreditLimitExceeded.class));
    assertThat(replies).extracting(r -> r.header("reply_outcome-type")).containsOnly("FAILURE");
    assertThat(customer(customerId).get("available").decimalValue()).isEqualByComparingTo("10.00");
  }

  @Test
  void answersCustomerNotFoundForAnUnknownCustomer() {
    String orderId = UUID.randomUUID().toString();
    WireMessage reply = participant.wire().sendAndAwaitReplies(CustomerChannels.COMMANDS,
        new ReserveCredit(orderId, "nobody-" + orderId, BigDecimal.ONE), 1, replyChannel(), orderId, 1).get(0);

    assertThat(reply.header("reply_type")).isEqualTo(MessageCatalog.wireNameOf(CustomerNotFound.class));
  }

  @Test
  void releasesOnceAndReleasingWhatWasNeverReservedSucceeds() {
    String customerId = newCustomer("50.00");
    String reservedOrder = UUID.randomUUID().toString();
    sendTwice(new ReserveCredit(reservedOrder, customerId, new BigDecimal("50.00")), reservedOrder);

    List<WireMessage> released = sendTwice(new ReleaseCredit(reservedOrder), reservedOrder, 4);
    String neverReserved = UUID.randomUUID().toString();
    List<WireMessage> noOp = sendTwice(new ReleaseCredit(neverReserved), neverReserved);

    assertThat(released).extracting(r -> r.header("reply_type"))
        .filteredOn(MessageCatalog.wireNameOf(CreditReleased.class)::equals).hasSize(2);
    assertThat(noOp).extracting(r -> r.header("reply_outcome-type")).containsOnly("SUCCESS");
    assertThat(customer(customerId).get("available").decimalValue()).isEqualByComparingTo("50.00");
  }

  @Test
  void aReservationArrivingAfterItsReleaseTakesNoCredit() {
    String customerId = newCustomer("30.00");
    String orderId = UUID.randomUUID().toString();
    sendTwice(new ReleaseCredit(orderId), orderId);

    List<WireMessage> replies = sendTwice(new ReserveCredit(orderId, customerId, BigDecimal.TEN), orderId, 4);

    assertThat(replies).filteredOn(r -> r.header("reply_type").equals(MessageCatalog.wireNameOf(
        CreditLimitExceeded.class))).extracting(r -> r.header("reply_outcome-type")).containsExactly("FAILURE", "FAILURE");
    assertThat(customer(customerId).get("available").decimalValue()).isEqualByComparingTo("30.00");
  }

  private List<WireMessage> sendTwice(Object command, String orderId) {
    return sendTwice(command, orderId, 2);
  }

  /** Sends the command twice under the saga id {@code orderId} and waits for {@code totalReplies} on it so far. */
  private List<WireMessage> sendTwice(Object command, String orderId, int totalReplies) {
    List<WireMessage> replies = participant.wire().sendAndAwaitReplies(CustomerChannels.COMMANDS,
        command, 2, replyChannel(), orderId, totalReplies);
    assertThat(replies).as("replies for saga %s", orderId).hasSize(totalReplies);
    return replies;
  }

  private static String replyChannel() {
    return "converge.test.customer-replies";
  }

  private String newCustomer(String limit) {
    String id = "c-" + UUID.randomUUID();
    participant.http().post().uri("/api/customers/{id}", id).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("name", "Test Customer", "creditLimit", new BigDecimal(limit))).retrieve().toBodilessEntity();
    return id;
  }

  private JsonNode customer(String id) {
    return participant.http().get().uri("/api/customers/{id}", id).retrieve().body(JsonNode.class);
  }
}
