package io.converge.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.converge.contracts.inventory.ReserveStock;
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
  void wireNamesDoNotDependOnPackageOrClassName() {
    assertThat(MessageCatalog.wireNameOf(ReserveStock.class)).isEqualTo("inventory.ReserveStock");
    assertThat(MessageCatalog.classNameForWireName("no.such.Message")).isEmpty();
  }
}
