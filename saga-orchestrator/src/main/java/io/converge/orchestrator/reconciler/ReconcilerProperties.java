package io.converge.orchestrator.reconciler;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The consistency reconciler, under {@code converge.reconciler}.
 *
 * @param interval     how often it checks
 * @param window       sagas that ended this recently are checked (plus every saga not terminal past its deadline), and
 *                     reservations and payments that changed this recently are checked for their order
 * @param maxSagas     most sagas checked per run, the most recent first; also the most reservations (and payments)
 *                     checked per participant
 * @param orderService base URLs of the participants' own APIs, through which it reads their state
 */
@ConfigurationProperties("converge.reconciler")
public record ReconcilerProperties(@DefaultValue("true") boolean enabled,
                                   @DefaultValue("60s") Duration interval,
                                   @DefaultValue("5m") Duration window,
                                   @DefaultValue("100") int maxSagas,
                                   @DefaultValue("http://localhost:8081") String orderService,
                                   @DefaultValue("http://localhost:8082") String inventoryService,
                                   @DefaultValue("http://localhost:8083") String customerService,
                                   @DefaultValue("http://localhost:8084") String paymentService) {
}
