package io.converge.contracts;

import io.converge.contracts.customer.CreditLimitExceeded;
import io.converge.contracts.customer.CreditReleased;
import io.converge.contracts.customer.CreditEvent;
import io.converge.contracts.customer.CreditReserved;
import io.converge.contracts.customer.CustomerNotFound;
import io.converge.contracts.customer.ReleaseCredit;
import io.converge.contracts.customer.ReserveCredit;
import io.converge.contracts.inventory.OutOfStock;
import io.converge.contracts.inventory.StockEvent;
import io.converge.contracts.inventory.ReleaseStock;
import io.converge.contracts.inventory.ReserveStock;
import io.converge.contracts.inventory.StockReleased;
import io.converge.contracts.inventory.StockReserved;
import io.converge.contracts.inventory.UnknownProduct;
import io.converge.contracts.order.ApproveOrder;
import io.converge.contracts.order.BeginCancellation;
import io.converge.contracts.order.CancellationBegun;
import io.converge.contracts.order.CancellationUndone;
import io.converge.contracts.order.ConfirmCancellation;
import io.converge.contracts.order.OrderAlreadyCancelled;
import io.converge.contracts.order.OrderCancelled;
import io.converge.contracts.order.OrderNotCancellable;
import io.converge.contracts.order.UndoCancellation;
import io.converge.contracts.order.OrderAlreadyApproved;
import io.converge.contracts.order.OrderAlreadyRejected;
import io.converge.contracts.order.CreateOrder;
import io.converge.contracts.order.OrderApproved;
import io.converge.contracts.order.OrderCreated;
import io.converge.contracts.order.OrderEvent;
import io.converge.contracts.order.OrderRejected;
import io.converge.contracts.order.RejectOrder;
import io.converge.contracts.payment.AuthorizePayment;
import io.converge.contracts.payment.PaymentAuthorized;
import io.converge.contracts.payment.PaymentDeclined;
import io.converge.contracts.payment.PaymentEvent;
import io.converge.contracts.payment.PaymentVoided;
import io.converge.contracts.payment.VoidPayment;
import io.converge.contracts.payment.RequestRiskReview;
import io.converge.contracts.payment.ReviewWithdrawn;
import io.converge.contracts.payment.RiskApproved;
import io.converge.contracts.payment.RiskRejected;
import io.converge.contracts.payment.WithdrawReview;
import io.converge.contracts.events.PublishedEvent;
import io.converge.contracts.saga.SagaEvent;
import io.converge.contracts.events.Upcasts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every message class of the contracts (commands, replies, domain events) and the stable name it travels under. */
public final class MessageCatalog {

  static final List<Class<?>> MESSAGES = List.of(
      CreateOrder.class, OrderCreated.class, RejectOrder.class, OrderRejected.class, OrderAlreadyApproved.class,
      ApproveOrder.class, OrderApproved.class, OrderAlreadyRejected.class,
      BeginCancellation.class, CancellationBegun.class, OrderNotCancellable.class,
      UndoCancellation.class, CancellationUndone.class, OrderAlreadyCancelled.class,
      ConfirmCancellation.class, OrderCancelled.class,
      ReserveStock.class, StockReserved.class, UnknownProduct.class, OutOfStock.class,
      ReleaseStock.class, StockReleased.class,
      ReserveCredit.class, CreditReserved.class, CustomerNotFound.class, CreditLimitExceeded.class,
      ReleaseCredit.class, CreditReleased.class,
      AuthorizePayment.class, PaymentAuthorized.class, PaymentDeclined.class,
      VoidPayment.class, PaymentVoided.class,
      RequestRiskReview.class, RiskApproved.class, RiskRejected.class, WithdrawReview.class, ReviewWithdrawn.class,
      StepTimedOut.class,
      // Domain events: each aggregate type's current versions, and the old ones a reader still upcasts.
      OrderEvent.PlacedV1.class, OrderEvent.Placed.class, OrderEvent.Approved.class, OrderEvent.Rejected.class,
      OrderEvent.CancellationBegun.class, OrderEvent.CancellationUndone.class, OrderEvent.Cancelled.class,
      CreditEvent.AccountOpened.class, CreditEvent.LimitChanged.class, CreditEvent.Reserved.class,
      CreditEvent.Rejected.class, CreditEvent.Released.class,
      StockEvent.Reserved.class, StockEvent.Rejected.class, StockEvent.Released.class,
      PaymentEvent.Authorized.class, PaymentEvent.Declined.class, PaymentEvent.Voided.class,
      SagaEvent.Started.class, SagaEvent.StateChanged.class);

  private static final Map<String, String> WIRE_NAME_BY_CLASS_NAME = new HashMap<>();
  private static final Map<String, String> CLASS_NAME_BY_WIRE_NAME = new HashMap<>();

  static {
    for (Class<?> message : MESSAGES) {
      String wireName = wireNameOf(message);
      if (CLASS_NAME_BY_WIRE_NAME.put(wireName, message.getName()) != null) {
        throw new IllegalStateException("Two messages share the wire name " + wireName);
      }
      WIRE_NAME_BY_CLASS_NAME.put(message.getName(), wireName);
    }
  }

  private MessageCatalog() {
  }

  public static String wireNameOf(Class<?> message) {
    WireName wireName = message.getAnnotation(WireName.class);
    if (wireName == null) {
      throw new IllegalArgumentException(message.getName() + " has no @WireName");
    }
    return wireName.value();
  }

  /** The wire name for a Java class name, if the class is one of ours. */
  public static Optional<String> wireNameForClassName(String className) {
    return Optional.ofNullable(WIRE_NAME_BY_CLASS_NAME.get(className));
  }

  /**
   * The fact a reply states when it refuses a compensation ({@link CompensationRefused}), read from its payload; empty
   * for every other reply.
   */
  public static Optional<Class<? extends CompensationRefused>> refusalClass(String typeHeader) {
    String className = classNameForWireName(typeHeader).orElse(typeHeader);
    return MESSAGES.stream().filter(m -> m.getName().equals(className) && CompensationRefused.class.isAssignableFrom(m))
        .findFirst().map(m -> m.asSubclass(CompensationRefused.class));
  }

  /** The class of a domain event's wire name, if it is one of ours. */
  public static Optional<Class<? extends PublishedEvent>> eventClass(String wireName) {
    return classNameForWireName(wireName).flatMap(name -> MESSAGES.stream().filter(m -> m.getName().equals(name))
        .findFirst()).filter(PublishedEvent.class::isAssignableFrom).map(m -> m.asSubclass(PublishedEvent.class));
  }

  /** The event in its current version: an old version upcast as many times as it takes. */
  public static PublishedEvent current(PublishedEvent event) {
    PublishedEvent current = event;
    while (current instanceof Upcasts<?> old) {
      current = old.upcast();
    }
    return current;
  }

  /** The Java class name for a wire name, if the wire name is one of ours. */
  public static Optional<String> classNameForWireName(String wireName) {
    return Optional.ofNullable(CLASS_NAME_BY_WIRE_NAME.get(wireName));
  }
}
