package io.converge.service.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an API request whose {@code Accept} header takes no JSON with 406 problem+json, before its handler runs.
 * Spring finds out only when it writes the answer, after the handler committed what the request asked for: a client
 * would see an error for an order that was placed, and place it again.
 */
public class JsonAcceptFilter extends OncePerRequestFilter {

  private static final List<MediaType> ANSWERS =
      List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);

  private final ObjectMapper objectMapper;

  public JsonAcceptFilter(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String accept = String.join(",", Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
    if (accept.isBlank() || acceptsJson(accept)) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpStatus.NOT_ACCEPTABLE.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    objectMapper.writeValue(response.getOutputStream(), Problems.of(HttpStatus.NOT_ACCEPTABLE, "not-acceptable",
        "This API answers in application/json (errors in application/problem+json); the Accept header was '"
            + abbreviate(accept) + "'"));
  }

  private static boolean acceptsJson(String accept) {
    try {
      return MediaType.parseMediaTypes(accept).stream()
          .anyMatch(wanted -> ANSWERS.stream().anyMatch(wanted::isCompatibleWith));
    } catch (InvalidMediaTypeException unreadable) {
      return false;
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 100 ? text : text.substring(0, 100) + "…";
  }
}
