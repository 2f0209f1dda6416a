package io.converge.orchestrator.placeorder;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Placing orders, under {@code converge.orders}.
 *
 * @param idempotencyKeyRetention how long an Idempotency-Key is remembered; a retry after that starts a new order
 * @param reviewAbove             an order whose total is above this waits, after its credit is reserved, for a person
 *                                to review its risk at payment-service
 * @param reviewDeadline          how long the review may take; an order not reviewed by then is rejected
 * @param sagaVersion             the version of the place-order saga new orders start on; every version up to it
 *                                stays registered, so orders in flight end on the version they started on
 */
@ConfigurationProperties("converge.orders")
record OrderProperties(@DefaultValue("7d") Duration idempotencyKeyRetention,
                       @DefaultValue("5000") BigDecimal reviewAbove,
                       @DefaultValue("24h") Duration reviewDeadline,
                       @DefaultValue("" + PlaceOrderSaga.NEWEST_VERSION) int sagaVersion) {
}
