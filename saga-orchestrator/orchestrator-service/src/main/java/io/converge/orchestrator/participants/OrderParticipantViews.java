package io.converge.orchestrator.participants;

import io.converge.saga.runtime.dashboard.ParticipantViews;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An order as each participant sees it now, for the dashboard's page of a saga that drives it. */
public class OrderParticipantViews implements ParticipantViews {

  private final List<String> sagaTypes;
  private final ParticipantReads reads;

  public OrderParticipantViews(List<String> sagaTypes, ParticipantReads reads) {
    this.sagaTypes = List.copyOf(sagaTypes);
    this.reads = reads;
  }

  @Override
  public List<String> sagaTypes() {
    return sagaTypes;
  }

  @Override
  public Map<String, String> of(String orderId) {
    ParticipantReads.Observed held = reads.observe(List.of(orderId)).getOrDefault(orderId, ParticipantReads.NOTHING);
    Map<String, String> view = new LinkedHashMap<>();
    view.put("order-service (order)", held.order());
    view.put("inventory-service (stock reservation)", held.stock());
    view.put("customer-service (credit reservation)", held.credit());
    view.put("payment-service (payment)", held.payment());
    view.put("payment-service (risk review)", held.review());
    return view;
  }
}
