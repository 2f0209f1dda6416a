package io.converge.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of a service's outbox, under {@code converge.outbox}.
 *
 * @param relay     how rows move from the outbox table to Kafka
 * @param retention how long published outbox rows and received-message (dedup) rows are kept
 * @param handlerRetry how a message handler that threw is retried
 * @param consumer  how the service's Kafka consumers commit what they handled
 */
@ConfigurationProperties("converge.outbox")
public record OutboxProperties(@DefaultValue Relay relay, @DefaultValue Retention retention,
                               @DefaultValue HandlerRetry handlerRetry, @DefaultValue Consumer consumer) {

  /**
   * @param commitEvery how long the offsets of handled messages may wait to be committed, so that one request commits
   *                    many (0: after every poll that handled one, as Eventuate does). A crash hands that long's
   *                    messages to the next consumer again, which detects or idempotently repeats them
   */
  public record Consumer(@DefaultValue("100ms") Duration commitEvery) {
  }

  /**
   * How often a message handler that threw is run again before the exception reaches Eventuate's consumer.
   *
   * @param maxAttempts  attempts in all, the first included
   * @param firstBackoff pause before the second attempt; doubles each time up to {@code maxBackoff}
   */
  public record HandlerRetry(@DefaultValue("5") int maxAttempts,
                             @DefaultValue("100ms") Duration firstBackoff,
                             @DefaultValue("2s") Duration maxBackoff) {
  }

  /**
   * @param enabled      false hands publishing to an external relay (for example Eventuate's CDC service)
   * @param batchSize    most rows read and published in one round
   * @param fallbackPoll how often to look for rows when no local commit woke the relay (rows written by other
   *                     processes sharing the database) ...
   * @param idleFallbackPoll ... backing off to this after a second of finding nothing: an idle service does not
   *                     query its outbox twenty times a second (a local commit still wakes the relay at once)
   * @param maxBackoff   longest pause after a failed round (Kafka or the database down); grows exponentially to it
   * @param lease        how long the active relay's lease lasts: a standby takes over at most this long (plus a third
   *                     of it) after the active relay died
   * @param markEvery    how long rows Kafka acknowledged may wait to be marked published, so that one update marks
   *                     the rows of several rounds (0: each round marks its own). A crash publishes them again (at
   *                     least once, as between any publish and its mark); the relay itself never does
   * @param producer     more Kafka producer settings, such as {@code security.protocol}, SASL or compression; the
   *                     settings the relay's guarantees rest on (acks, idempotence, retries, in-flight requests,
   *                     partitioning, transactions) are refused at startup
   */
  public record Relay(@DefaultValue("true") boolean enabled,
                      @DefaultValue("500") int batchSize,
                      @DefaultValue("50ms") Duration fallbackPoll,
                      @DefaultValue("1s") Duration idleFallbackPoll,
                      @DefaultValue("5s") Duration maxBackoff,
                      @DefaultValue("3s") Duration lease,
                      @DefaultValue("50ms") Duration markEvery,
                      Map<String, String> producer) {

    /** Producer settings per-key order and at-least-once rest on: never taken from {@code producer}. */
    private static final Set<String> GUARANTEES = Set.of("acks", "enable.idempotence",
        "max.in.flight.requests.per.connection", "retries", "transactional.id", "partitioner.class",
        "partitioner.ignore.keys", "key.serializer", "value.serializer", "bootstrap.servers");

    public Relay {
      producer = producer == null ? Map.of() : Map.copyOf(producer);
      List<String> refused = producer.keySet().stream().filter(GUARANTEES::contains).sorted().toList();
      if (!refused.isEmpty()) {
        throw new IllegalArgumentException("converge.outbox.relay.producer cannot set " + refused
            + ": the relay's ordering and delivery guarantees rest on them");
      }
    }
  }

  /**
   * @param published how long a published outbox row is kept (for inspection and replay)
   * @param received  how long a received-message row is kept; a redelivery older than this is no longer detected as a
   *                  duplicate by the table (handlers stay idempotent by business key)
   * @param replayedDeadLetters how long a dead letter is kept after it was replayed (one never replayed is kept until
   *                  an operator acts on it)
   * @param interval  how often the clean-up runs
   * @param batchSize rows deleted per statement, so clean-up never holds long locks
   */
  public record Retention(@DefaultValue("1h") Duration published,
                          @DefaultValue("7d") Duration received,
                          @DefaultValue("30d") Duration replayedDeadLetters,
                          @DefaultValue("1m") Duration interval,
                          @DefaultValue("1000") int batchSize) {
  }
}
