package io.converge.saga.runtime.state;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the runtime keeps what it no longer needs, under {@code converge.saga.retention}: nothing grows without
 * bound. Deleted in small batches, so the clean-up never holds locks the hot path waits on.
 *
 * @param ended           an ended saga (its summary, history, Eventuate instance) is kept this long after its end, and
 *                        always until the reconciler's sweep has checked it
 * @param operatorActions the audit trail of operators' actions is kept this long
 * @param interval        how often the clean-up runs
 * @param batchSize       rows (or sagas) deleted per statement
 */
@ConfigurationProperties("converge.saga.retention")
public record SagaRetentionProperties(@DefaultValue("true") boolean enabled,
                                      @DefaultValue("30d") Duration ended,
                                      @DefaultValue("365d") Duration operatorActions,
                                      @DefaultValue("10m") Duration interval,
                                      @DefaultValue("500") int batchSize) {
}
