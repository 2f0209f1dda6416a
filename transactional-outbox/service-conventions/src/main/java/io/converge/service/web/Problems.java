package io.converge.service.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Stable problem types: clients match on {@code type}, never on the wording of {@code detail}. */
public final class Problems {

  public static final String BASE = "https://converge.io/problems/";

  private Problems() {
  }

  public static ProblemDetail of(HttpStatus status, String type, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(BASE + type));
    problem.setTitle(status.getReasonPhrase());
    return problem;
  }
}
