package io.converge.service.web;

/** The request contradicts what is stored (e.g. an idempotency key reused with another body): 409 problem+json. */
public class ConflictException extends RuntimeException {
  public ConflictException(String message) {
    super(message);
  }
}
