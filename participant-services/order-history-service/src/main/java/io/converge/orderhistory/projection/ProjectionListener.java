package io.converge.orderhistory.projection;

import io.converge.contracts.customer.CreditEvent;
import io.converge.contracts.inventory.StockEvent;
import io.converge.contracts.order.OrderEvent;
import io.converge.contracts.payment.PaymentEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the live read model current: every service's domain events, as they come. Offsets are committed after the
 * rows are, so a crash in between reads some events again, which change nothing the second time.
 */
@Component
class ProjectionListener {

  static final String ID = "order-history-live";
  static final java.util.List<String> CHANNELS = java.util.List.of(OrderEvent.CHANNEL, StockEvent.CHANNEL,
      CreditEvent.CHANNEL, PaymentEvent.CHANNEL);

  private final OrderHistoryProjection projection;
  private final Timer lag;

  ProjectionListener(OrderHistoryProjection projection, MeterRegistry registry) {
    this.projection = projection;
    this.lag = Timer.builder("converge.read_model.lag")
        .description("From an event's time at its service to its being visible in the live read model")
        .publishPercentiles(0.5, 0.99).register(registry);
  }

  @KafkaListener(id = ID, topics = {OrderEvent.CHANNEL, StockEvent.CHANNEL, CreditEvent.CHANNEL,
      PaymentEvent.CHANNEL})
  void on(ConsumerRecord<String, String> record) {
    EventRecord event = EventRecord.of(record);
    projection.applyLive(event);
    lag.record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - event.event().occurredAtEpochMillis())));
  }
}
