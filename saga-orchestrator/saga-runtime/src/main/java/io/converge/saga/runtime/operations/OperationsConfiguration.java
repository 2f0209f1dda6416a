package io.converge.saga.runtime.operations;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(OperatorProperties.class)
class OperationsConfiguration {
}
