package io.converge.outbox.wire;

import io.converge.contracts.MessageCatalog;
import io.eventuate.tram.messaging.common.Message;
import io.eventuate.tram.messaging.common.MessageInterceptor;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Puts the contracts' stable wire names in the type headers of outgoing commands and replies, and turns them back into
 * class names on the way in, where Eventuate's dispatchers match on class names.
 */
public final class WireNameInterceptor implements MessageInterceptor {

  /** Eventuate's command and reply type headers (also copied, prefixed, into replies). */
  static final List<String> TYPE_HEADERS = List.of("command_type", "reply_type", "commandreply_type");

  @Override
  public void preSend(Message message) {
    rewrite(message, MessageCatalog::wireNameForClassName);
  }

  @Override
  public void preHandle(String subscriberId, Message message) {
    rewrite(message, MessageCatalog::classNameForWireName);
  }

  private static void rewrite(Message message, Function<String, Optional<String>> mapping) {
    for (String header : TYPE_HEADERS) {
      message.getHeader(header).flatMap(mapping).ifPresent(name -> message.setHeader(header, name));
    }
  }
}
