package io.converge.orchestrator.placeorder;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Placing orders, under {@code converge.orders}.
 *
 * @param idempotencyKeyRetention how long an Idempotency-Key is remembered; a retry after that starts a new order
 */
@ConfigurationProperties("converge.orders")
record OrderProperties(@DefaultValue("7d") Duration idempotencyKeyRetention) {
}
