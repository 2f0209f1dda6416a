package io.converge.service.security;

import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Every service's API security, with Spring Security: operator endpoints (declared by the features that serve them,
 * {@link ProtectedEndpoints}) need a bearer token of a VIEWER to read and of an OPERATOR to act; an OPERATOR is also a
 * VIEWER. The business API stays open as before. Refusals are problem+json (401 without or with a bad token, 403 for a
 * role that may not).
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
public class ServiceSecurityAutoConfiguration {

  /** Runs before a chain a service adds for its own pages (the dashboard's form login). */
  public static final int API_CHAIN_ORDER = 10;

  @Bean
  ConfiguredTokens configuredTokens(SecurityProperties properties) {
    return new ConfiguredTokens(properties);
  }

  /** People who log in to pages (the orchestrator's dashboard); only hashed passwords are accepted. */
  @Bean
  UserDetailsService configuredUsers(SecurityProperties properties) {
    return new InMemoryUserDetailsManager(properties.users().entrySet().stream().map(user -> {
      String password = user.getValue().password();
      if (password == null || !password.matches("\\{(bcrypt|argon2|pbkdf2|scrypt)[^}]*}.+")) {
        throw new IllegalStateException("converge.security.users." + user.getKey()
            + ".password must be a hash with its id, such as {bcrypt}$2a$10$...");
      }
      return User.withUsername(user.getKey()).password(password)
          .authorities(user.getValue().roles().stream().map(Role::authority).toArray(String[]::new)).build();
    }).toList());
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  static RoleHierarchy roleHierarchy() {
    return RoleHierarchyImpl.fromHierarchy(Role.OPERATOR.authority() + " > " + Role.VIEWER.authority());
  }

  /** A URL the firewall refuses (an encoded slash or percent, a path parameter...) gets 400 problem+json too. */
  @Bean
  RequestRejectedHandler problemForRejectedRequests() {
    return new ProblemResponses();
  }

  @Bean
  @Order(API_CHAIN_ORDER)
  SecurityFilterChain apiSecurity(HttpSecurity http, ConfiguredTokens tokens, List<ProtectedEndpoints> features)
      throws Exception {
    ProblemResponses problems = new ProblemResponses();
    http.securityMatcher("/api/**", "/actuator/**")
        // No cookie or session authenticates here, only an Authorization header, which a browser never sends on a
        // page's behalf: there is no cross-site request to forge.
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .authorizeHttpRequests(requests -> {
          requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll();
          requests.requestMatchers("/actuator/**").hasRole(Role.OPERATOR.name());
          features.stream().flatMap(feature -> feature.endpoints().stream()).forEach(endpoint -> {
            requests.requestMatchers(endpoint.method(), endpoint.pattern()).hasRole(endpoint.role().name());
            if (endpoint.method() == HttpMethod.GET) {
              // Spring MVC answers HEAD with the GET handler (its status and length tell whether a thing exists).
              requests.requestMatchers(HttpMethod.HEAD, endpoint.pattern()).hasRole(endpoint.role().name());
            }
          });
          requests.anyRequest().permitAll();
        })
        .oauth2ResourceServer(resourceServer -> resourceServer
            .opaqueToken(opaque -> opaque.introspector(tokens))
            .authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    return http.build();
  }
}
