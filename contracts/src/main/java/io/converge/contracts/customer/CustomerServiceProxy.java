package io.converge.contracts.customer;

import static io.converge.contracts.Endpoints.of;

import io.eventuate.tram.sagas.simpledsl.CommandEndpoint;

/** customer-service as every saga addresses it: one endpoint per command, on its channel. */
public final class CustomerServiceProxy {
  public final CommandEndpoint<ReserveCredit> reserveCredit = of(ReserveCredit.class, CustomerChannels.COMMANDS);
  public final CommandEndpoint<ReleaseCredit> releaseCredit = of(ReleaseCredit.class, CustomerChannels.COMMANDS);
}
