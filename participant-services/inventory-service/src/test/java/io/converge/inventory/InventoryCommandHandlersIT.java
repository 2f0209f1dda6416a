package io.converge.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.converge.contracts.OrderLine;
import io.converge.contracts.inventory.InventoryChannels;
import io.converge.contracts.inventory.ReleaseStock;
import io.converge.contracts.inventory.ReserveStock;
import io.converge.devinfra.KafkaWireClient;
import io.converge.devinfra.ServiceUnderTest;
import io.converge.devinfra.WireMessage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;

class InventoryCommandHandlersIT {

  private static final String REPLIES = "converge.test.inventory-replies";

  @RegisterExtension
  static final ServiceUnderTest participant = new ServiceUnderTest(InventoryServiceApplication::application,
      "it_inventory");

  @Test
  void reservesOnceAndPricesTheOrderWhenTheSameCommandArrivesTwice() {
    String sku = newProduct("2.50", 10);
    String orderId = UUID.randomUUID().toString();

    List<WireMessage> replies = send(new ReserveStock(orderId, List.of(new OrderLine(sku, 3))), orderId, 2);

    assertThat(replies).extracting(r -> r.header("reply_type")).containsOnly("inventory.StockReserved");
    assertThat(replies).extracting(r -> KafkaWireClient.readJson(r.payload()).get("total").decimalValue())
        .allSatisfy(total -> assertThat(total).isEqualByComparingTo("7.50"));
    assertThat(product(sku).get("reserved").asInt()).isEqualTo(3);
  }

  @Test
  void reservesNothingWhenOneLineIsShort() {
    String plenty = newProduct("1.00", 10);
    String scarce = newProduct("1.00", 1);
    String orderId = UUID.randomUUID().toString();

    List<WireMessage> replies = send(new ReserveStock(orderId,
        List.of(new OrderLine(plenty, 2), new OrderLine(scarce, 2))), orderId, 2);

    assertThat(replies).extracting(r -> r.header("reply_type")).containsOnly("inventory.OutOfStock");
    assertThat(replies).extracting(r -> r.header("reply_outcome-type")).containsOnly("FAILURE");
    assertThat(product(plenty).get("reserved").asInt()).isZero();
    assertThat(product(scarce).get("reserved").asInt()).isZero();
  }

  @Test
  void answersUnknownProduct() {
    String orderId = UUID.randomUUID().toString();
    List<WireMessage> replies = send(new ReserveStock(orderId, List.of(new OrderLine("no-such-sku", 1))), orderId, 2);
    assertThat(replies).extracting(r -> r.header("reply_type")).containsOnly("inventory.UnknownProduct");
  }

  @Test
  void releasesOnceAndReleasingWhatWasNeverReservedSucceeds() {
    String sku = newProduct("1.00", 5);
    String orderId = UUID.randomUUID().toString();
    send(new ReserveStock(orderId, List.of(new OrderLine(sku, 5))), orderId, 2);

    List<WireMessage> replies = send(new ReleaseStock(orderId), orderId, 4);
    String neverReserved = UUID.randomUUID().toString();
    List<WireMessage> noOp = send(new ReleaseStock(neverReserved), neverReserved, 2);

    assertThat(replies).extracting(r -> r.header("reply_type")).filteredOn("inventory.StockReleased"::equals)
        .hasSize(2);
    assertThat(noOp).extracting(r -> r.header("reply_outcome-type")).containsOnly("SUCCESS");
    assertThat(product(sku).get("reserved").asInt()).isZero();
  }

  private List<WireMessage> send(Object command, String orderId, int totalReplies) {
    List<WireMessage> replies = participant.wire().sendAndAwaitReplies(InventoryChannels.COMMANDS,
        command, 2, REPLIES, orderId, totalReplies);
    assertThat(replies).hasSize(totalReplies);
    return replies;
  }

  private String newProduct(String price, int onHand) {
    String sku = "sku-" + UUID.randomUUID();
    participant.http().post().uri("/api/products/{sku}", sku).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("name", "Test product", "price", new BigDecimal(price), "onHand", onHand)).retrieve()
        .toBodilessEntity();
    return sku;
  }

  private JsonNode product(String sku) {
    return participant.http().get().uri("/api/products/{sku}", sku).retrieve().body(JsonNode.class);
  }
}
