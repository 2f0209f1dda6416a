package io.converge.service.security;

/** What an operator may do: a VIEWER reads operator endpoints, an OPERATOR also acts (and reads). */
public enum Role {
  VIEWER, OPERATOR;

  /** The authority Spring Security checks ({@code hasRole}). */
  public String authority() {
    return "ROLE_" + name();
  }
}
