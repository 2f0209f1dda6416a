package io.converge.saga.runtime.operations;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may act on sagas, under {@code converge.operators}: operator name → bearer token. The default is one
 * development operator, {@code ops} with token {@code dev-operator-token}; set your own in any real deployment.
 */
@ConfigurationProperties("converge")
public record OperatorProperties(@DefaultValue Map<String, String> operators) {

  public Map<String, String> tokens() {
    return operators.isEmpty() ? Map.of("ops", "dev-operator-token") : operators;
  }
}
