package io.converge.saga.runtime.operations;

import io.converge.service.web.UnauthorizedException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Resolves the operator behind an {@code Authorization: Bearer <token>} header, or refuses. */
@Component
class OperatorAuthentication {

  private final OperatorProperties properties;

  OperatorAuthentication(OperatorProperties properties) {
    this.properties = properties;
  }

  String operator(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      throw new UnauthorizedException("Operator actions need an 'Authorization: Bearer <token>' header");
    }
    byte[] presented = authorization.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
    for (Map.Entry<String, String> operator : properties.tokens().entrySet()) {
      // Constant-time comparison: response times must not reveal how much of a token was right.
      if (MessageDigest.isEqual(presented, operator.getValue().getBytes(StandardCharsets.UTF_8))) {
        return operator.getKey();
      }
    }
    throw new UnauthorizedException("Unknown operator token");
  }
}
