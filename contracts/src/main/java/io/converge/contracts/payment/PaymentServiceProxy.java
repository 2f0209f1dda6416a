package io.converge.contracts.payment;

import static io.converge.contracts.Endpoints.of;

import io.eventuate.tram.sagas.simpledsl.CommandEndpoint;

/** payment-service as every saga addresses it: one endpoint per command, on its channel. */
public final class PaymentServiceProxy {
  public final CommandEndpoint<AuthorizePayment> authorizePayment =
      of(AuthorizePayment.class, PaymentChannels.COMMANDS);
  public final CommandEndpoint<VoidPayment> voidPayment = of(VoidPayment.class, PaymentChannels.COMMANDS);
  public final CommandEndpoint<RequestRiskReview> requestRiskReview =
      of(RequestRiskReview.class, PaymentChannels.COMMANDS);
  public final CommandEndpoint<WithdrawReview> withdrawReview = of(WithdrawReview.class, PaymentChannels.COMMANDS);
}
