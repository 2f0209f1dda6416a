package io.converge.service.security;

import java.util.List;

/** The operator endpoints one feature serves (a bean per feature). */
@FunctionalInterface
public interface ProtectedEndpoints {

  List<ProtectedEndpoint> endpoints();
}
