package io.converge.service.web;

/** The caller is not known or not allowed: 401 problem+json. */
public class UnauthorizedException extends RuntimeException {
  public UnauthorizedException(String message) {
    super(message);
  }
}
