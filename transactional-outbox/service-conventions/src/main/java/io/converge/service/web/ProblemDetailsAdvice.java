package io.converge.service.web;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error a service returns is RFC 9457 problem+json with a stable type; never a stack trace. */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return Problems.of(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    return Problems.of(HttpStatus.CONFLICT, "conflict", e.getMessage());
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail badArgument(IllegalArgumentException e) {
    return Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", e.getMessage());
  }

  /** A constraint checked by a {@code @Validated} bean rather than by Spring MVC's own parameter validation. */
  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Object> constraintViolated(ConstraintViolationException e) {
    return invalidFields(e.getConstraintViolations().stream()
        .map(violation -> Map.of("field", String.valueOf(violation.getPropertyPath()),
            "message", String.valueOf(violation.getMessage())))
        .toList());
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    log.error("Unexpected error serving a request", e);
    return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "The request could not be completed");
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return invalidFields(e.getBindingResult().getFieldErrors().stream().map(ProblemDetailsAdvice::fieldError).toList());
  }

  /** Raised instead of the above when a handler also constrains a header or path variable. */
  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<Map<String, String>> errors = new ArrayList<>();
    for (ParameterValidationResult result : e.getParameterValidationResults()) {
      if (result instanceof ParameterErrors parameterErrors) {
        parameterErrors.getFieldErrors().forEach(error -> errors.add(fieldError(error)));
      } else {
        String name = result.getMethodParameter().getParameterName();
        result.getResolvableErrors().forEach(error -> errors.add(Map.of("field", String.valueOf(name),
            "message", String.valueOf(error.getDefaultMessage()))));
      }
    }
    return invalidFields(errors);
  }

  private static Map<String, String> fieldError(FieldError error) {
    return Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage()));
  }

  private static ResponseEntity<Object> invalidFields(List<Map<String, String>> errors) {
    ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation-failed", "The request has invalid fields");
    problem.setProperty("errors", errors);
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem;
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof RequestBodyLimitFilter.BodyTooLarge tooLarge) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(RequestBodyLimitFilter.tooLarge(tooLarge.maxBytes));
      }
    }
    if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
      problem = Problems.of(HttpStatus.BAD_REQUEST, "unknown-field",
          "Unknown field '" + unknown.getPropertyName() + "'");
      problem.setProperty("errors", List.of(Map.of("field", unknown.getPropertyName(), "message", "unknown field")));
    } else {
      problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "The request body is not valid JSON for this"
          + " resource");
    }
    return ResponseEntity.badRequest().body(problem);
  }

  @Override
  protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
      WebRequest request) {
    // Spring's own problems (415, 405, 404 for unknown paths...) get our type prefix too.
    if (body instanceof ProblemDetail problem && problem.getType().toString().equals("about:blank")) {
      HttpStatus status = HttpStatus.valueOf(statusCode.value());
      problem.setType(java.net.URI.create(Problems.BASE + status.name().toLowerCase().replace('_', '-')));
    }
    return super.createResponseEntity(body, headers, statusCode, request);
  }
}
