package io.converge.contracts.payment;

public final class PaymentChannels {
  public static final String COMMANDS = "converge.payment.commands";
  /** A payment method the payment service always declines: makes a decline reproducible. */
  public static final String ALWAYS_DECLINED_METHOD = "card-declined";

  private PaymentChannels() {
  }
}
