package io.converge.orderhistory.projection;

import io.converge.contracts.customer.CreditEvent;
import io.converge.contracts.inventory.StockEvent;
import io.converge.contracts.order.OrderEvent;
import io.converge.contracts.payment.PaymentEvent;
import io.converge.contracts.saga.SagaEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the live read model current: every service's domain events, a poll's worth at a time in one transaction
 * (a transaction and an offset commit per event cost the box a third of its saga throughput). Offsets are committed
 * after the rows are, so a crash in between reads some events again, which change nothing the second time. A record
 * no one can read is skipped, logged and counted; a failed write fails the batch, which is retried whole.
 */
@Component
class ProjectionListener {

  static final String ID = "order-history-live";
  static final List<String> CHANNELS = List.of(OrderEvent.CHANNEL, StockEvent.CHANNEL,
      CreditEvent.CHANNEL, PaymentEvent.CHANNEL, SagaEvent.CHANNEL);

  private static final Logger log = LoggerFactory.getLogger(ProjectionListener.class);

  private final OrderHistoryProjection projection;
  private final Timer lag;
  private final Counter skipped;

  ProjectionListener(OrderHistoryProjection projection, MeterRegistry registry) {
    this.projection = projection;
    this.skipped = Counter.builder("converge.read_model.skipped")
        .description("Records on the event channels that are no readable domain event of ours").register(registry);
    this.lag = Timer.builder("converge.read_model.lag")
        .description("From an event's time at its service to its being visible in the live read model")
        .publishPercentiles(0.5, 0.99).register(registry);
  }

  @KafkaListener(id = ID, batch = "true", topics = {OrderEvent.CHANNEL, StockEvent.CHANNEL, CreditEvent.CHANNEL,
      PaymentEvent.CHANNEL, SagaEvent.CHANNEL})
  void on(List<ConsumerRecord<String, String>> records) {
    List<EventRecord> events = new ArrayList<>(records.size());
    for (ConsumerRecord<String, String> record : records) {
      try {
        events.add(EventRecord.of(record));
      } catch (EventRecord.UnreadableEvent unreadable) {
        skipped.increment();
        log.warn("Skipped {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
            unreadable.getMessage());
      }
    }
    projection.applyLive(events);
    long now = System.currentTimeMillis();
    events.forEach(event -> lag.record(Duration.ofMillis(Math.max(0, now - event.event().occurredAtEpochMillis()))));
  }
}
