package io.converge.orchestrator.participants;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import io.converge.saga.runtime.reconciliation.EndedSaga;
import io.converge.saga.runtime.reconciliation.Finding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Reads what each participant holds per order, through its own API, in batches: the reconciler never looks into
 * another service's database. A dropped pooled connection (the participant restarted) is retried.
 */
@Component
@EnableConfigurationProperties(ParticipantUrls.class)
public class ParticipantReads {

  /**
   * One order's thing at one participant as of its last change; {@code status} is the participant's word, and
   * {@code amount} the money it holds or held, where it has one.
   */
  public record Held(String orderId, String status, Instant changedAt, BigDecimal amount) {
  }

  /**
   * What the services hold for one order; a missing entry reads as {@link #NONE}.
   *
   * @param review        the state of the order's risk review at payment-service (only large orders have one)
   * @param creditAmount  the amount of the order's credit reservation, null without one
   * @param paymentAmount the amount of the order's payment, null without one
   */
  public record Observed(String order, String stock, String credit, String payment, String review,
                         BigDecimal creditAmount, BigDecimal paymentAmount) {

    public Observed(String order, String stock, String credit, String payment, String review) {
      this(order, stock, credit, payment, review, null, null);
    }

    /** An order without a risk review. */
    public Observed(String order, String stock, String credit, String payment) {
      this(order, stock, credit, payment, NONE);
    }
  }

  public static final String NONE = "NONE";
  public static final Observed NOTHING = new Observed(NONE, NONE, NONE, NONE);
  static final int CHUNK = 100;

  private static final ParameterizedTypeReference<List<Held>> HELD_LIST = new ParameterizedTypeReference<>() { };
  private static final ParameterizedTypeReference<List<OrderStatus>> ORDER_LIST =
      new ParameterizedTypeReference<>() { };

  private record OrderStatus(String orderId, String state) {
  }

  private final RestClient orders;
  private final RestClient inventory;
  private final RestClient customers;
  private final RestClient payments;
  private final Retry retry = Retry.of("reconciler-read", RetryConfig.custom().maxAttempts(3)
      .waitDuration(Duration.ofMillis(200)).retryExceptions(ResourceAccessException.class).build());

  ParticipantReads(ParticipantUrls properties, ParticipantHttp http) {
    this.orders = http.client().baseUrl(properties.orderService()).build();
    this.inventory = http.client().baseUrl(properties.inventoryService()).build();
    this.customers = http.client().baseUrl(properties.customerService()).build();
    this.payments = http.client().baseUrl(properties.paymentService()).build();
  }

  /** What every participant holds for each of these orders. */
  public Map<String, Observed> observe(Collection<String> orderIds) {
    Map<String, Observed> observed = new HashMap<>();
    List<String> ids = List.copyOf(orderIds);
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      Map<String, String> order = orderStates(chunk);
      Map<String, Held> stock = held(inventory, "/api/stock-reservations", chunk);
      Map<String, Held> credit = held(customers, "/api/credit-reservations", chunk);
      Map<String, Held> payment = held(payments, "/api/payments", chunk);
      Map<String, Held> review = held(payments, "/api/reviews", chunk);
      for (String id : chunk) {
        observed.put(id, new Observed(order.getOrDefault(id, NONE), status(stock.get(id)), status(credit.get(id)),
            status(payment.get(id)), status(review.get(id)), amount(credit.get(id)), amount(payment.get(id))));
      }
    }
    return observed;
  }

  /** Each saga's findings by {@code rule}, from what the participants hold for its order, read in batches. */
  public List<Finding> checkEach(List<EndedSaga> sagas, BiFunction<EndedSaga, Observed, List<Finding>> rule) {
    Map<String, Observed> held = observe(sagas.stream().map(EndedSaga::businessKey).distinct().toList());
    List<Finding> findings = new java.util.ArrayList<>();
    for (EndedSaga saga : sagas) {
      findings.addAll(rule.apply(saga, held.getOrDefault(saga.businessKey(), NOTHING)));
    }
    return findings;
  }

  /** The state order-service has for each of these orders; an order it does not have is absent. */
  public Map<String, String> orderStates(List<String> orderIds) {
    Map<String, String> states = new HashMap<>();
    for (int from = 0; from < orderIds.size(); from += CHUNK) {
      List<String> chunk = orderIds.subList(from, Math.min(orderIds.size(), from + CHUNK));
      List<OrderStatus> found = retry.executeSupplier(() -> orders.get()
          .uri(b -> b.path("/api/orders").queryParam("ids", chunk.toArray()).build()).retrieve().body(ORDER_LIST));
      found.forEach(o -> states.put(o.orderId(), o.state()));
    }
    return states;
  }

  /** What a participant took hold of (in {@code status}) since an instant, newest first, at most {@code limit}. */
  public List<Held> heldSince(Holding holding, Instant since, int limit) {
    return retry.executeSupplier(() -> client(holding).get()
        .uri(b -> b.path(holding.path()).queryParam("status", holding.heldStatus())
            .queryParam("changedSince", since.toString()).queryParam("limit", limit).build())
        .retrieve().body(HELD_LIST));
  }

  private Map<String, Held> held(RestClient client, String path, List<String> chunk) {
    List<Held> found = retry.executeSupplier(() -> client.get()
        .uri(b -> b.path(path).queryParam("orderIds", chunk.toArray()).build()).retrieve().body(HELD_LIST));
    Map<String, Held> byOrder = new HashMap<>();
    found.forEach(h -> byOrder.put(h.orderId(), h));
    return byOrder;
  }

  private static String status(Held held) {
    return held == null ? NONE : held.status();
  }

  private static BigDecimal amount(Held held) {
    return held == null ? null : held.amount();
  }

  private RestClient client(Holding holding) {
    return switch (holding) {
      case STOCK -> inventory;
      case CREDIT -> customers;
      case PAYMENT -> payments;
    };
  }

  /** What a participant holds for an order, where it lists it, and the status that means it is held. */
  public enum Holding {
    STOCK("/api/stock-reservations", "RESERVED"),
    CREDIT("/api/credit-reservations", "RESERVED"),
    PAYMENT("/api/payments", "AUTHORIZED");

    private final String path;
    private final String heldStatus;

    Holding(String path, String heldStatus) {
      this.path = path;
      this.heldStatus = heldStatus;
    }

    public String path() {
      return path;
    }

    public String heldStatus() {
      return heldStatus;
    }
  }
}
