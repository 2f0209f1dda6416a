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

  @Bean
  @Order(ServiceSecurityAutoConfiguration.API_CHAIN_ORDER + 1)
  SecurityFilterChain dashboardPages(HttpSecurity http) throws Exception {
    http.securityMatcher("/", "/ui", "/ui/**", "/login", "/logout", "/webjars/**", "/dashboard.css")
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/login", "/webjars/**", "/dashboard.css").permitAll()
            .requestMatchers(HttpMethod.POST, "/ui/**").hasRole(Role.OPERATOR.name())
            .anyRequest().hasRole(Role.VIEWER.name()))
        .formLogin(login -> login.defaultSuccessUrl("/ui", true))
        .logout(Customizer.withDefaults());
    return http.build();
  }
}
