package io.converge.orchestrator.placeorder;

import io.converge.contracts.customer.CustomerChannels;
import io.converge.contracts.customer.ReleaseCredit;
import io.converge.contracts.customer.ReserveCredit;
import io.converge.contracts.inventory.InventoryChannels;
import io.converge.contracts.inventory.ReleaseStock;
import io.converge.contracts.inventory.ReserveStock;
import io.converge.contracts.order.ApproveOrder;
import io.converge.contracts.order.CreateOrder;
import io.converge.contracts.order.OrderChannels;
import io.converge.contracts.order.RejectOrder;
import io.converge.contracts.payment.AuthorizePayment;
import io.converge.contracts.payment.PaymentChannels;
import io.converge.contracts.payment.VoidPayment;
import io.eventuate.tram.commands.common.Command;
import io.eventuate.tram.sagas.simpledsl.CommandEndpoint;
import io.eventuate.tram.sagas.simpledsl.CommandEndpointBuilder;

/** How the orchestrator addresses each participant: one endpoint per command, on the participant's channel. */
final class ParticipantProxies {

  private ParticipantProxies() {
  }

  static final class OrderService {
    final CommandEndpoint<CreateOrder> createOrder = endpoint(CreateOrder.class, OrderChannels.COMMANDS);
    final CommandEndpoint<RejectOrder> rejectOrder = endpoint(RejectOrder.class, OrderChannels.COMMANDS);
    final CommandEndpoint<ApproveOrder> approveOrder = endpoint(ApproveOrder.class, OrderChannels.COMMANDS);
  }

  static final class InventoryService {
    final CommandEndpoint<ReserveStock> reserveStock = endpoint(ReserveStock.class, InventoryChannels.COMMANDS);
    final CommandEndpoint<ReleaseStock> releaseStock = endpoint(ReleaseStock.class, InventoryChannels.COMMANDS);
  }

  static final class CustomerService {
    final CommandEndpoint<ReserveCredit> reserveCredit = endpoint(ReserveCredit.class, CustomerChannels.COMMANDS);
    final CommandEndpoint<ReleaseCredit> releaseCredit = endpoint(ReleaseCredit.class, CustomerChannels.COMMANDS);
  }

  static final class PaymentService {
    final CommandEndpoint<AuthorizePayment> authorizePayment =
        endpoint(AuthorizePayment.class, PaymentChannels.COMMANDS);
    final CommandEndpoint<VoidPayment> voidPayment = endpoint(VoidPayment.class, PaymentChannels.COMMANDS);
  }

  private static <C extends Command> CommandEndpoint<C> endpoint(Class<C> command, String channel) {
    return CommandEndpointBuilder.forCommand(command).withChannel(channel).build();
  }
}
