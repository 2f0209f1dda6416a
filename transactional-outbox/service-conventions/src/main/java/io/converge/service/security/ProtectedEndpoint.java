package io.converge.service.security;

import org.springframework.http.HttpMethod;

/**
 * An endpoint only a role may call, declared by the feature that serves it (a bean of {@link ProtectedEndpoints}):
 * every service's security chain collects them, so no controller has to remember a check of its own.
 *
 * @param pattern a path pattern, as Spring Security matches it ({@code /api/sagas/*}/retry)
 */
public record ProtectedEndpoint(HttpMethod method, String pattern, Role role) {

  public static ProtectedEndpoint viewer(HttpMethod method, String pattern) {
    return new ProtectedEndpoint(method, pattern, Role.VIEWER);
  }

  public static ProtectedEndpoint operator(HttpMethod method, String pattern) {
    return new ProtectedEndpoint(method, pattern, Role.OPERATOR);
  }
}
