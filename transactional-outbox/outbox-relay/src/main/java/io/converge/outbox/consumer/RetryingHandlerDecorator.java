package io.converge.outbox.consumer;

import io.converge.outbox.deadletter.DeadLetters;
import io.eventuate.common.json.mapper.JSonMapper;
import io.eventuate.tram.consumer.common.MessageHandlerDecorator;
import io.eventuate.tram.consumer.common.MessageHandlerDecoratorChain;
import io.eventuate.tram.messaging.common.Message;
import io.eventuate.tram.messaging.common.SubscriberIdAndMessage;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Wraps each received message's handling, outside Eventuate's duplicate-detection transaction: puts the saga id in
 * the logging context, and retries a handling that threw (a database blip, a deadlock) with exponential backoff. Each
 * attempt runs in a fresh transaction, so a retry never sees half of a failed attempt. When the attempts are spent the
 * message becomes a dead letter and the consumer goes on: an exception escaping here would stop Eventuate's consumer
 * for good. Domain failures never throw: handlers answer them with typed failure replies.
 */
public class RetryingHandlerDecorator implements MessageHandlerDecorator {

  private static final Logger log = LoggerFactory.getLogger(RetryingHandlerDecorator.class);

  /** Outside duplicate detection (200), so each attempt is its own transaction. */
  static final int ORDER = 150;

  private final Retry retry;
  private final DeadLetters deadLetters;

  public RetryingHandlerDecorator(int maxAttempts, Duration firstBackoff, Duration maxBackoff,
                                  DeadLetters deadLetters) {
    this.deadLetters = deadLetters;
    this.retry = Retry.of("message-handler", RetryConfig.custom()
        .maxAttempts(maxAttempts)
        .intervalFunction(IntervalFunction.ofExponentialBackoff(firstBackoff, 2.0, maxBackoff))
        .retryExceptions(RuntimeException.class)
        .build());
  }

  @Override
  public void accept(SubscriberIdAndMessage subscriberIdAndMessage, MessageHandlerDecoratorChain chain) {
    Message message = subscriberIdAndMessage.getMessage();
    String sagaId = message.getHeader("command_saga_id").or(() -> message.getHeader("commandreply_saga_id"))
        .orElse(null);
    try (MDC.MDCCloseable ignored = sagaId == null ? null : MDC.putCloseable("sagaId", sagaId)) {
      while (true) {
        try {
          retry.executeRunnable(() -> chain.invokeNext(subscriberIdAndMessage));
          return;
        } catch (RuntimeException exhausted) {
          if (deadLettered(subscriberIdAndMessage, exhausted)) {
            return;
          }
          // Not even the dead letter could be stored: the database is away. Hold this message (and its partition)
          // and try it again rather than lose it; the retry's backoff paces the attempts.
        }
      }
    }
  }

  private boolean deadLettered(SubscriberIdAndMessage subscriberIdAndMessage, RuntimeException error) {
    Message message = subscriberIdAndMessage.getMessage();
    try {
      deadLetters.store(subscriberIdAndMessage.getSubscriberId(), message.getHeader(Message.DESTINATION).orElse(null),
          message.getId(), JSonMapper.toJson(message.getHeaders()), message.getPayload(), error);
      return true;
    } catch (RuntimeException storeFailed) {
      log.warn("Could not store a dead letter either ({}); will handle message {} again", storeFailed.toString(),
          message.getId());
      return false;
    }
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
