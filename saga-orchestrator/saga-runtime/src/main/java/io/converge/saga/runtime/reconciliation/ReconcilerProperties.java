package io.converge.saga.runtime.reconciliation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The consistency reconciler, under {@code converge.reconciler}.
 *
 * @param interval     pause between sweeps
 * @param settle       a saga is checked once it has been over this long: time for commands it sent last (the undo of
 *                     a timed-out step) to land; also how long a repair has before it is checked
 * @param batch        most sagas read per sweep (the sweep goes on where it stopped: none is skipped)
 * @param maxRepairs   repairs of one saga before it is parked instead
 */
@ConfigurationProperties("converge.reconciler")
public record ReconcilerProperties(@DefaultValue("true") boolean enabled,
                                   @DefaultValue("5s") Duration interval,
                                   @DefaultValue("10s") Duration settle,
                                   @DefaultValue("1000") int batch,
                                   @DefaultValue("3") int maxRepairs) {
}
