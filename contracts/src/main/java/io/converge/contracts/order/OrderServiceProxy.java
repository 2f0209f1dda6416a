package io.converge.contracts.order;

import static io.converge.contracts.Endpoints.of;

import io.eventuate.tram.sagas.simpledsl.CommandEndpoint;

/** order-service as every saga addresses it: one endpoint per command, on its channel. */
public final class OrderServiceProxy {
  public final CommandEndpoint<CreateOrder> createOrder = of(CreateOrder.class, OrderChannels.COMMANDS);
  public final CommandEndpoint<RejectOrder> rejectOrder = of(RejectOrder.class, OrderChannels.COMMANDS);
  public final CommandEndpoint<ApproveOrder> approveOrder = of(ApproveOrder.class, OrderChannels.COMMANDS);
  public final CommandEndpoint<BeginCancellation> beginCancellation =
      of(BeginCancellation.class, OrderChannels.COMMANDS);
  public final CommandEndpoint<UndoCancellation> undoCancellation = of(UndoCancellation.class, OrderChannels.COMMANDS);
  public final CommandEndpoint<ConfirmCancellation> confirmCancellation =
      of(ConfirmCancellation.class, OrderChannels.COMMANDS);
}
