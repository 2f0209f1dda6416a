package io.converge.saga.testkit;

import io.eventuate.tram.messaging.common.Message;
import io.eventuate.tram.messaging.producer.MessageProducer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Keeps what the saga sends, each with an id as the real producer gives it, until the run takes it. */
final class RecordingMessageProducer implements MessageProducer {

  record Sent(String destination, Message message) {
  }

  private final List<Sent> unread = new ArrayList<>();

  @Override
  public void send(String destination, Message message) {
    if (message.getHeader(Message.ID).isEmpty()) {
      message.setHeader(Message.ID, UUID.randomUUID().toString());
    }
    message.setHeader(Message.DESTINATION, destination);
    unread.add(new Sent(destination, message));
  }

  List<Sent> takeUnread() {
    List<Sent> taken = List.copyOf(unread);
    unread.clear();
    return taken;
  }
}
