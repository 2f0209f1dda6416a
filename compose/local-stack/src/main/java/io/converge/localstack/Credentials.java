package io.converge.localstack;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The operators of one run of the local stack (API tokens and dashboard logins), made at start: no service has
 * credentials of its own by default, so a forgotten setting never leaves a well-known token open.
 */
record Credentials(String operatorToken, String viewerToken, String operatorPassword, String viewerPassword) {

  private static final SecureRandom RANDOM = new SecureRandom();

  static Credentials generate() {
    return new Credentials(secret(), secret(), secret(), secret());
  }

  /** The settings every service gets: the tokens (kept hashed by the services) and their roles. */
  Map<String, Object> properties() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("converge.security.tokens.operator.value", operatorToken);
    properties.put("converge.security.tokens.operator.roles", "OPERATOR");
    properties.put("converge.security.tokens.viewer.value", viewerToken);
    properties.put("converge.security.tokens.viewer.roles", "VIEWER");
    // The dashboard lists and replays the participants' dead letters as the operator.
    properties.put("converge.participants.token", operatorToken);
    // The dashboard's users: the same two actors, passwords kept hashed.
    BCryptPasswordEncoder passwords = new BCryptPasswordEncoder();
    properties.put("converge.security.users.operator.password", "{bcrypt}" + passwords.encode(operatorPassword));
    properties.put("converge.security.users.operator.roles", "OPERATOR");
    properties.put("converge.security.users.viewer.password", "{bcrypt}" + passwords.encode(viewerPassword));
    properties.put("converge.security.users.viewer.roles", "VIEWER");
    return properties;
  }

  private static String secret() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
