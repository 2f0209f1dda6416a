package io.converge.orchestrator.participants;

import io.converge.contracts.customer.CustomerChannels;
import io.converge.contracts.customer.ReleaseCredit;
import io.converge.contracts.customer.ReserveCredit;
import io.converge.contracts.inventory.InventoryChannels;
import io.converge.contracts.inventory.ReleaseStock;
import io.converge.contracts.inventory.ReserveStock;
import io.converge.contracts.order.ApproveOrder;
import io.converge.contracts.order.BeginCancellation;
import io.converge.contracts.order.ConfirmCancellation;
import io.converge.contracts.order.UndoCancellation;
import io.converge.contracts.order.CreateOrder;
import io.converge.contracts.order.OrderChannels;
import io.converge.contracts.order.RejectOrder;
import io.converge.contracts.payment.AuthorizePayment;
import io.converge.contracts.payment.PaymentChannels;
import io.converge.contracts.payment.VoidPayment;
import io.converge.contracts.payment.RequestRiskReview;
import io.converge.contracts.payment.WithdrawReview;
import io.eventuate.tram.commands.common.Command;
import io.eventuate.tram.sagas.simpledsl.CommandEndpoint;
import io.eventuate.tram.sagas.simpledsl.CommandEndpointBuilder;

/**
 * How every saga of the orchestrator addresses each participant: one proxy per participant, one endpoint per command,
 * on the participant's channel.
 */
public final class ParticipantProxies {

  private ParticipantProxies() {
  }

  public static final class OrderService {
    public final CommandEndpoint<CreateOrder> createOrder = endpoint(CreateOrder.class, OrderChannels.COMMANDS);
    public final CommandEndpoint<RejectOrder> rejectOrder = endpoint(RejectOrder.class, OrderChannels.COMMANDS);
    public final CommandEndpoint<ApproveOrder> approveOrder = endpoint(ApproveOrder.class, OrderChannels.COMMANDS);
    public final CommandEndpoint<BeginCancellation> beginCancellation =
        endpoint(BeginCancellation.class, OrderChannels.COMMANDS);
    public final CommandEndpoint<UndoCancellation> undoCancellation =
        endpoint(UndoCancellation.class, OrderChannels.COMMANDS);
    public final CommandEndpoint<ConfirmCancellation> confirmCancellation =
        endpoint(ConfirmCancellation.class, OrderChannels.COMMANDS);
  }

  public static final class InventoryService {
    public final CommandEndpoint<ReserveStock> reserveStock = endpoint(ReserveStock.class, InventoryChannels.COMMANDS);
    public final CommandEndpoint<ReleaseStock> releaseStock = endpoint(ReleaseStock.class, InventoryChannels.COMMANDS);
  }

  public static final class CustomerService {
    public final CommandEndpoint<ReserveCredit> reserveCredit = endpoint(ReserveCredit.class, CustomerChannels.COMMANDS);
    public final CommandEndpoint<ReleaseCredit> releaseCredit = endpoint(ReleaseCredit.class, CustomerChannels.COMMANDS);
  }

  public static final class PaymentService {
    public final CommandEndpoint<AuthorizePayment> authorizePayment =
        endpoint(AuthorizePayment.class, PaymentChannels.COMMANDS);
    public final CommandEndpoint<VoidPayment> voidPayment = endpoint(VoidPayment.class, PaymentChannels.COMMANDS);
    public final CommandEndpoint<RequestRiskReview> requestRiskReview =
        endpoint(RequestRiskReview.class, PaymentChannels.COMMANDS);
    public final CommandEndpoint<WithdrawReview> withdrawReview =
        endpoint(WithdrawReview.class, PaymentChannels.COMMANDS);
  }

  private static <C extends Command> CommandEndpoint<C> endpoint(Class<C> command, String channel) {
    return CommandEndpointBuilder.forCommand(command).withChannel(channel).build();
  }
}
