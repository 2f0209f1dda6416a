package io.converge.orchestrator.participants;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Base URLs of the participants' own APIs, under {@code converge.participants}: the sagas' invariants read their
 * state there, and a cancellation checks the order first.
 */
@ConfigurationProperties("converge.participants")
record ParticipantUrls(@DefaultValue("http://localhost:8081") String orderService,
                       @DefaultValue("http://localhost:8082") String inventoryService,
                       @DefaultValue("http://localhost:8083") String customerService,
                       @DefaultValue("http://localhost:8084") String paymentService) {
}
