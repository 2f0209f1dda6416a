package io.converge.saga.runtime.dashboard;

import io.converge.service.security.Role;
import io.converge.service.security.ServiceSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The dashboard's pages: form login (users from {@code converge.security.users}, passwords hashed), a session, and
 * CSRF protection on every form. Reading needs VIEWER, acting OPERATOR; the API's bearer-token chain comes first.
 */
@Configuration
class DashboardSecurity {

  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
      + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
      + "form-action 'self'; base-uri 'none'; object-src 'none'";

  @Bean
  @Order(ServiceSecurityAutoConfiguration.API_CHAIN_ORDER + 1)
  SecurityFilterChain dashboardPages(HttpSecurity http) throws Exception {
    http.securityMatcher("/", "/ui", "/ui/**", "/login", "/logout", "/webjars/**", "/dashboard.css")
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/login", "/webjars/**", "/dashboard.css").permitAll()
            .requestMatchers(HttpMethod.POST, "/ui/**").hasRole(Role.OPERATOR.name())
            .anyRequest().hasRole(Role.VIEWER.name()))
        .formLogin(login -> login.defaultSuccessUrl("/ui", true))
        .logout(Customizer.withDefaults())
        // Scripts only from this origin (htmx and its SSE extension): text that slipped through escaping would not
        // run. Inline styles stay allowed for htmx's indicator style and the login page.
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
    return http.build();
  }
}
