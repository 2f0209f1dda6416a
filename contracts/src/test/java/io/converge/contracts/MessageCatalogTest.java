package io.converge.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.converge.contracts.inventory.ReserveStock;
import io.converge.contracts.order.OrderEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageCatalogTest {

  @Test
  void everyMessageHasAUniqueWireNameThatMapsBothWays() {
    for (Class<?> message : MessageCatalog.MESSAGES) {
      String wireName = MessageCatalog.wireNameOf(message);
      assertThat(MessageCatalog.wireNameForClassName(message.getName())).contains(wireName);
      assertThat(MessageCatalog.classNameForWireName(wireName)).contains(message.getName());
    }
  }

  @Test
  void anOldEventVersionIsReadAsTheCurrentOne() {
    OrderEvent.PlacedV1 old = new OrderEvent.PlacedV1("o-1", 1, "alice", 1_700_000_000_000L);

    assertThat(MessageCatalog.eventClass("order.event.Placed.v1")).contains(OrderEvent.PlacedV1.class);
    assertThat(MessageCatalog.current(old))
        .isEqualTo(new OrderEvent.Placed("o-1", 1, "alice", null, List.of(), 1_700_000_000_000L));
    assertThat(MessageCatalog.eventClass("order.event.Placed.v2")).contains(OrderEvent.Placed.class);
    assertThat(MessageCatalog.eventClass("inventory.ReserveStock")).as("a command is no event").isEmpty();
  }

  @Test
  void wireNamesDoNotDependOnPackageOrClassName() {
    assertThat(MessageCatalog.wireNameOf(ReserveStock.class)).isEqualTo("inventory.ReserveStock");
    assertThat(MessageCatalog.classNameForWireName("no.such.Message")).isEmpty();
  }
}
