package io.converge.service.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

/**
 * The API's bearer tokens, from configuration, checked by Spring Security's resource server as opaque tokens. Only
 * hashes are kept: a token is found by the SHA-256 of what was presented, so neither the configuration nor a timing
 * difference reveals a token.
 */
public class ConfiguredTokens implements OpaqueTokenIntrospector {

  private record Actor(String name, List<GrantedAuthority> authorities) {
  }

  private final Map<String, Actor> byHash = new HashMap<>();

  public ConfiguredTokens(SecurityProperties properties) {
    properties.tokens().forEach((name, token) -> {
      String hash = token.sha256() != null ? token.sha256().toLowerCase(Locale.ROOT)
          : token.value() != null ? sha256(token.value()) : null;
      if (hash == null || hash.length() != 64) {
        throw new IllegalStateException("converge.security.tokens." + name + " needs sha256 (64 hex digits) or value");
      }
      byHash.put(hash, new Actor(name, token.roles().stream()
          .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority())).toList()));
    });
  }

  @Override
  public OAuth2AuthenticatedPrincipal introspect(String token) {
    Actor actor = Optional.ofNullable(byHash.get(sha256(token)))
        .orElseThrow(() -> new BadOpaqueTokenException("Unknown token"));
    return new DefaultOAuth2AuthenticatedPrincipal(actor.name(), Map.of("sub", actor.name()), actor.authorities());
  }

  static String sha256(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
