package io.converge.saga.runtime.admission;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Admission of new sagas, under {@code converge.admission}: how many may be in flight adapts to what the installation
 * completes. Past capacity, sagas queue behind each other until their steps time out; refusing at the door (429 +
 * Retry-After) keeps every accepted saga fast and its timeouts meaningful.
 *
 * @param enabled       false admits everything (for a test that wants to overload the system on purpose)
 * @param targetLatency a saga that takes longer than this from acceptance to its end counts as a sign of queueing: the
 *                      limit of sagas in flight shrinks; sagas that end faster let it grow
 * @param initialLimit  sagas in flight allowed at start, before anything was measured
 * @param minLimit      never fewer sagas in flight than this
 * @param maxLimit      never more sagas in flight than this
 */
@ConfigurationProperties("converge.admission")
public record AdmissionProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue("1s") Duration targetLatency,
                                  @DefaultValue("20") int initialLimit,
                                  @DefaultValue("4") int minLimit,
                                  @DefaultValue("400") int maxLimit) {
}
