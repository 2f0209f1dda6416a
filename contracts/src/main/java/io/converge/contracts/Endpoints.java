package io.converge.contracts;

import io.eventuate.tram.commands.common.Command;
import io.eventuate.tram.sagas.simpledsl.CommandEndpoint;
import io.eventuate.tram.sagas.simpledsl.CommandEndpointBuilder;

/** How a participant's proxy declares an endpoint: a command and the participant's channel. */
public final class Endpoints {

  private Endpoints() {
  }

  public static <C extends Command> CommandEndpoint<C> of(Class<C> command, String channel) {
    return CommandEndpointBuilder.forCommand(command).withChannel(channel).build();
  }
}
