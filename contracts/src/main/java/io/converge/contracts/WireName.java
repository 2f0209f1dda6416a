package io.converge.contracts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name a command or reply travels under. Eventuate puts Java class names on the wire; we replace them with this
 * constant so that moving or renaming a class never breaks a message already in flight or stored in an outbox.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WireName {
  String value();
}
