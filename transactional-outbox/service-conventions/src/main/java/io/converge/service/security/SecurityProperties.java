package io.converge.service.security;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call operator endpoints, under {@code converge.security}. There are no defaults: with nothing configured,
 * every operator endpoint answers 401 (the local stack generates credentials and prints them in its banner).
 *
 * @param tokens bearer tokens for the API, by the actor's name (recorded in the audit trail):
 *               {@code converge.security.tokens.alice.sha256=<hex SHA-256 of the token>} (or {@code .value=<token>}
 *               where a secret store injects it), {@code .roles=OPERATOR}
 * @param users  people who log in to the dashboard: {@code converge.security.users.alice.password={bcrypt}...},
 *               {@code .roles=VIEWER}
 */
@ConfigurationProperties("converge.security")
public record SecurityProperties(@DefaultValue Map<String, Token> tokens, @DefaultValue Map<String, User> users) {

  /** @param sha256 the token's SHA-256, in hex; or {@code value}, the token itself */
  public record Token(String sha256, String value, @DefaultValue("VIEWER") List<Role> roles) {
  }

  /** @param password encoded with its id, as Spring Security's delegating encoder reads it ({@code {bcrypt}...}) */
  public record User(String password, @DefaultValue("VIEWER") List<Role> roles) {
  }
}
