package io.converge.service.web;

/** A resource named in the request does not exist: 404 problem+json. */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
