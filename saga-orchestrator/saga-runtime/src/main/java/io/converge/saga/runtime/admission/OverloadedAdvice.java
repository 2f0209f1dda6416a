package io.converge.saga.runtime.admission;

import io.converge.service.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A saga refused by admission, on any endpoint that starts one: 429 Too Many Requests with Retry-After. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class OverloadedAdvice {

  @ExceptionHandler(Admission.OverloadedException.class)
  ResponseEntity<ProblemDetail> overloaded(Admission.OverloadedException e) {
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "1")
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "overloaded", e.getMessage()));
  }
}
