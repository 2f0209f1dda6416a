package io.converge.saga.runtime;

import io.converge.saga.runtime.definition.SagaPolicyProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The saga runtime in a service that runs sagas: timers, correlation, state and history, admission, operator actions,
 * the reconciler's sweep, and their REST endpoints. Imported explicitly, beside Eventuate's
 * {@code SagaOrchestratorConfiguration} (a participant on the same class path must not get it); the service declares
 * its sagas as {@code TimedSaga} beans and, per saga type, its {@code SagaInvariants}.
 */
@Configuration
@ComponentScan
@EnableConfigurationProperties(SagaPolicyProperties.class)
public class SagaRuntimeConfiguration {
}
