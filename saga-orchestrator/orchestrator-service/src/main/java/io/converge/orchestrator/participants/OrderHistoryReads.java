package io.converge.orchestrator.participants;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Reads the order history (the read model built from the services' domain events) through its API, in batches, to
 * compare it with the services of record. No order history configured, or one that does not answer: nothing to read,
 * and nothing is judged.
 */
@Component
public class OrderHistoryReads {

  /**
   * What the order history holds for an order, and each saga's state by saga id; a facet it has not heard of is null.
   */
  public record Facts(String orderId, long orderVersion, String state, String stock, String credit,
                      BigDecimal creditAmount, String payment, BigDecimal paymentAmount, Map<String, String> sagas) {

    public Facts {
      sagas = sagas == null ? Map.of() : Map.copyOf(sagas);
    }
  }

  private static final Logger log = LoggerFactory.getLogger(OrderHistoryReads.class);
  private static final ParameterizedTypeReference<List<Facts>> FACTS = new ParameterizedTypeReference<>() { };

  private final RestClient history;

  OrderHistoryReads(ParticipantUrls urls, ParticipantHttp http) {
    if (urls.orderHistoryService() == null || urls.orderHistoryService().isBlank()) {
      this.history = null;
    } else {
      RestClient.Builder builder = http.client().baseUrl(urls.orderHistoryService());
      if (urls.token() != null && !urls.token().isBlank()) {
        builder.defaultHeader("Authorization", "Bearer " + urls.token());
      }
      this.history = builder.build();
    }
  }

  /** The order history's facts for these orders (those it has); empty when it cannot be read. */
  public Optional<Map<String, Facts>> facts(Collection<String> orderIds) {
    if (history == null || orderIds.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Facts> facts = new HashMap<>();
    List<String> ids = List.copyOf(orderIds);
    try {
      for (int from = 0; from < ids.size(); from += ParticipantReads.CHUNK) {
        List<String> chunk = ids.subList(from, Math.min(ids.size(), from + ParticipantReads.CHUNK));
        List<Facts> found = history.get().uri(b -> b.path("/api/order-history")
            .queryParam("orderIds", chunk.toArray()).build()).retrieve().body(FACTS);
        if (found != null) {
          found.forEach(f -> facts.put(f.orderId(), f));
        }
      }
    } catch (RestClientException unavailable) {
      log.warn("The order history could not be read; it is not compared this time: {}", unavailable.getMessage());
      return Optional.empty();
    }
    return Optional.of(facts);
  }
}
