package io.converge.contracts.inventory;

import static io.converge.contracts.Endpoints.of;

import io.eventuate.tram.sagas.simpledsl.CommandEndpoint;

/** inventory-service as every saga addresses it: one endpoint per command, on its channel. */
public final class InventoryServiceProxy {
  public final CommandEndpoint<ReserveStock> reserveStock = of(ReserveStock.class, InventoryChannels.COMMANDS);
  public final CommandEndpoint<ReleaseStock> releaseStock = of(ReleaseStock.class, InventoryChannels.COMMANDS);
}
