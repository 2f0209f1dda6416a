package io.converge.localstack;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The operators of one run of the local stack, made at start: no service has credentials of its own by default, so a
 * forgotten setting never leaves a well-known token open.
 */
record Credentials(String operatorToken, String viewerToken) {

  private static final SecureRandom RANDOM = new SecureRandom();

  static Credentials generate() {
    return new Credentials(secret(), secret());
  }

  /** The settings every service gets: the tokens (kept hashed by the services) and their roles. */
  Map<String, Object> properties() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("converge.security.tokens.operator.value", operatorToken);
    properties.put("converge.security.tokens.operator.roles", "OPERATOR");
    properties.put("converge.security.tokens.viewer.value", viewerToken);
    properties.put("converge.security.tokens.viewer.roles", "VIEWER");
    return properties;
  }

  private static String secret() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
