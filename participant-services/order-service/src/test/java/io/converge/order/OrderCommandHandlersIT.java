package io.converge.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.converge.contracts.OrderLine;
import io.converge.contracts.RejectionReason;
import io.converge.contracts.order.ApproveOrder;
import io.converge.contracts.order.BeginCancellation;
import io.converge.contracts.order.ConfirmCancellation;
import io.converge.contracts.order.UndoCancellation;
import io.converge.contracts.order.CreateOrder;
import io.converge.contracts.order.OrderChannels;
import io.converge.contracts.order.RejectOrder;
import io.converge.devinfra.ServiceUnderTest;
import io.converge.devinfra.WireMessage;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OrderCommandHandlersIT {

  private static final String REPLIES = "converge.test.order-replies";

  @RegisterExtension
  static final ServiceUnderTest participant = new ServiceUnderTest(OrderServiceApplication::application,
      "it_order");

  @Test
  void createsOneOrderFromTwoIdenticalCommandsThenApprovesIt() {
    String orderId = UUID.randomUUID().toString();
    CreateOrder create = new CreateOrder(orderId, "c-1", List.of(new OrderLine("sku-1", 2)), "card");

    List<WireMessage> created = send(create, orderId, 2);
    List<WireMessage> approved = send(new ApproveOrder(orderId, new BigDecimal("20.00")), orderId, 4);

    assertThat(created).extracting(r -> r.header("reply_outcome-type")).containsOnly("SUCCESS");
    assertThat(approved).extracting(r -> r.header("reply_type")).filteredOn("order.OrderApproved"::equals).hasSize(2);
    JsonNode order = order(orderId);
    assertThat(order.get("state").asText()).isEqualTo("APPROVED");
    assertThat(order.get("lines")).hasSize(1);
    assertThat(order.get("total").decimalValue()).isEqualByComparingTo("20.00");
  }

  @Test
  void rejectsWithTheReasonAndALateApprovalChangesNothing() {
    String orderId = UUID.randomUUID().toString();
    send(new CreateOrder(orderId, "c-1", List.of(new OrderLine("sku-1", 1)), "card"), orderId, 2);

    send(new RejectOrder(orderId, RejectionReason.OUT_OF_STOCK), orderId, 4);
    List<WireMessage> replies = send(new ApproveOrder(orderId, BigDecimal.TEN), orderId, 6);

    assertThat(repliesTo("order.ApproveOrder", replies)).hasSize(2).allSatisfy(reply -> {
      assertThat(reply.header("reply_outcome-type")).isEqualTo("FAILURE");
      assertThat(reply.header("reply_type")).isEqualTo("order.OrderAlreadyRejected");
      assertThat(reply.payload()).contains("OUT_OF_STOCK");
    });
    JsonNode order = order(orderId);
    assertThat(order.get("state").asText()).isEqualTo("REJECTED");
    assertThat(order.get("reason").asText()).isEqualTo("OUT_OF_STOCK");
  }

  @Test
  void aRejectionCannotUndoAnApprovalAndSaysSoWithATypedFailure() {
    String orderId = UUID.randomUUID().toString();
    send(new CreateOrder(orderId, "c-1", List.of(new OrderLine("sku-1", 1)), "card"), orderId, 2);
    send(new ApproveOrder(orderId, new BigDecimal("5.00")), orderId, 4);

    List<WireMessage> replies = send(new RejectOrder(orderId, RejectionReason.STEP_TIMED_OUT), orderId, 6);

    assertThat(repliesTo("order.RejectOrder", replies)).hasSize(2).allSatisfy(reply -> {
      assertThat(reply.header("reply_outcome-type")).isEqualTo("FAILURE");
      assertThat(reply.header("reply_type")).isEqualTo("order.OrderAlreadyApproved");
      assertThat(reply.payload()).contains(orderId);
    });
    JsonNode order = order(orderId);
    assertThat(order.get("state").asText()).isEqualTo("APPROVED");
    assertThat(order.get("reason").isNull()).isTrue();
    assertThat(order.get("total").decimalValue()).isEqualByComparingTo("5.00");
  }

  @Test
  void aCancellationLocksTheOrderThenConfirmsItAndAConfirmedCancellationCannotBeUndone() {
    String orderId = approvedOrder();
    String cancellation = "cancellation-" + orderId;

    List<WireMessage> begun = send(new BeginCancellation(orderId, cancellation), orderId, 6);
    assertThat(repliesTo("order.BeginCancellation", begun)).hasSize(2)
        .allSatisfy(reply -> assertThat(reply.header("reply_type")).isEqualTo("order.CancellationBegun"));
    assertThat(order(orderId).get("state").asText()).isEqualTo("CANCELLATION_PENDING");
    List<WireMessage> rejected = send(new RejectOrder(orderId, RejectionReason.STEP_TIMED_OUT), orderId, 8);
    assertThat(repliesTo("order.RejectOrder", rejected)).allSatisfy(reply ->
        assertThat(reply.header("reply_type")).isEqualTo("order.OrderAlreadyApproved"));

    List<WireMessage> confirmed = send(new ConfirmCancellation(orderId, cancellation), orderId, 10);
    assertThat(repliesTo("order.ConfirmCancellation", confirmed)).allSatisfy(reply ->
        assertThat(reply.header("reply_type")).isEqualTo("order.OrderCancelled"));
    List<WireMessage> undone = send(new UndoCancellation(orderId, cancellation), orderId, 12);

    assertThat(repliesTo("order.UndoCancellation", undone)).hasSize(2).allSatisfy(reply -> {
      assertThat(reply.header("reply_outcome-type")).isEqualTo("FAILURE");
      assertThat(reply.header("reply_type")).isEqualTo("order.OrderAlreadyCancelled");
    });
    assertThat(order(orderId).get("state").asText()).isEqualTo("CANCELLED");
  }

  @Test
  void aCancellationUndoneBeforeItBeganNeverLocksTheOrder() {
    String orderId = approvedOrder();
    String cancellation = "cancellation-" + orderId;

    send(new UndoCancellation(orderId, cancellation), orderId, 6);
    List<WireMessage> begun = send(new BeginCancellation(orderId, cancellation), orderId, 8);

    assertThat(repliesTo("order.BeginCancellation", begun)).allSatisfy(reply -> {
      assertThat(reply.header("reply_type")).isEqualTo("order.OrderNotCancellable");
      assertThat(reply.payload()).contains("WITHDRAWN");
    });
    assertThat(order(orderId).get("state").asText()).isEqualTo("APPROVED");
  }

  @Test
  void onlyAnApprovedOrderCanBeCancelled() {
    String orderId = UUID.randomUUID().toString();
    send(new CreateOrder(orderId, "c-1", List.of(new OrderLine("sku-1", 1)), "card"), orderId, 2);

    List<WireMessage> begun = send(new BeginCancellation(orderId, "cancellation-" + orderId), orderId, 4);

    assertThat(repliesTo("order.BeginCancellation", begun)).allSatisfy(reply -> {
      assertThat(reply.header("reply_outcome-type")).isEqualTo("FAILURE");
      assertThat(reply.payload()).contains("PENDING");
    });
    assertThat(order(orderId).get("state").asText()).isEqualTo("PENDING");
  }

  private String approvedOrder() {
    String orderId = UUID.randomUUID().toString();
    send(new CreateOrder(orderId, "c-1", List.of(new OrderLine("sku-1", 1)), "card"), orderId, 2);
    send(new ApproveOrder(orderId, new BigDecimal("5.00")), orderId, 4);
    return orderId;
  }

  @Test
  void aRejectionForAnOrderNeverCreatedSucceedsAndKeepsItFromStarting() {
    String orderId = UUID.randomUUID().toString();

    List<WireMessage> rejected = send(new RejectOrder(orderId, RejectionReason.PAYMENT_DECLINED), orderId, 2);
    send(new CreateOrder(orderId, "c-1", List.of(new OrderLine("sku-1", 1)), "card"), orderId, 4);

    assertThat(rejected).extracting(r -> r.header("reply_outcome-type")).containsOnly("SUCCESS");
    assertThat(order(orderId).get("state").asText()).isEqualTo("REJECTED");
  }

  @Test
  void anUnknownOrderIsA404Problem() {
    int status = participant.http().get().uri("/api/orders/{id}", "no-such-order")
        .exchange((request, reply) -> reply.getStatusCode().value());
    assertThat(status).isEqualTo(404);
  }

  private List<WireMessage> send(Object command, String orderId, int totalReplies) {
    List<WireMessage> replies = participant.wire().sendAndAwaitReplies(OrderChannels.COMMANDS,
        command, 2, REPLIES, orderId, totalReplies);
    assertThat(replies).hasSize(totalReplies);
    return replies;
  }

  private static List<WireMessage> repliesTo(String commandType, List<WireMessage> replies) {
    return replies.stream().filter(reply -> commandType.equals(reply.header("commandreply_type"))).toList();
  }

  private JsonNode order(String id) {
    return participant.http().get().uri("/api/orders/{id}", id).retrieve().body(JsonNode.class);
  }
}
