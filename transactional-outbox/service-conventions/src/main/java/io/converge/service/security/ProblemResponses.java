package io.converge.service.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.converge.service.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * 401, 403 and requests the firewall refuses (400) as problem+json, like every other error; the
 * {@code WWW-Authenticate} header is Spring Security's bearer-token one, so clients learn the scheme and why a token
 * was refused.
 */
public class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

  private static final ObjectMapper JSON = new ObjectMapper()
      .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
      .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
  private final BearerTokenAccessDeniedHandler bearerAccessDenied = new BearerTokenAccessDeniedHandler();

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    bearerEntryPoint.commence(request, response, e);
    write(response, HttpStatus.UNAUTHORIZED, "unauthorized", request.getHeader("Authorization") == null
        ? "This endpoint needs an 'Authorization: Bearer <token>' header"
        : "The bearer token was not accepted");
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    bearerAccessDenied.handle(request, response, e);
    write(response, HttpStatus.FORBIDDEN, "forbidden", "Your role may not do this");
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
      throws IOException {
    write(response, HttpStatus.BAD_REQUEST, "rejected-request", "The request's URL or headers are not allowed here");
  }

  private static void write(HttpServletResponse response, HttpStatus status, String type, String detail)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    // UTF-8 bytes, as JSON is; no charset parameter, like every other problem+json response.
    JSON.writeValue(response.getOutputStream(), Problems.of(status, type, detail));
  }
}
