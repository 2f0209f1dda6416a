package io.converge.customer.credit;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.converge.customer.credit.domain.CreditAccount;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.lock.NullLockFactory;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.command.Repository;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The credit ledger: Axon Framework's event sourcing on this service's own database, wired by hand rather than by
 * Axon's Spring Boot starter, which would configure Axon in every service of a shared JVM (the local stack) and reach
 * for Axon Server. Every Axon unit of work joins the Spring transaction it runs in, so an append commits or rolls
 * back with the command's deduplication record and its reply in the outbox (docs/adr/0002-event-sourced-credit.md).
 */
@org.springframework.context.annotation.Configuration
class CreditLedgerConfiguration {

  /** Axon's tables under the names our migrations give them (V4), in this schema's snake case. */
  private static final EventSchema SNAKE_CASE_TABLES = EventSchema.builder()
      .eventTable("domain_event_entry").snapshotTable("snapshot_event_entry")
      .globalIndexColumn("global_index").timestampColumn("time_stamp").eventIdentifierColumn("event_identifier")
      .aggregateIdentifierColumn("aggregate_identifier").sequenceNumberColumn("sequence_number")
      .payloadTypeColumn("payload_type").payloadRevisionColumn("payload_revision").payloadColumn("payload")
      .metaDataColumn("meta_data")
      .build();

  @Bean(destroyMethod = "shutdown")
  Configuration creditLedger(DataSource dataSource, PlatformTransactionManager transactions,
                             CreditEventPublisher publisher,
                             @Value("${converge.customer.snapshot-every:100}") int snapshotEvery) {
    TransactionManager joiningSpring = new SpringTransactionManager(transactions);
    Serializer events = JacksonSerializer.builder().build();
    Serializer snapshots = JacksonSerializer.builder().objectMapper(new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY))
        .build();
    Configuration ledger = DefaultConfigurer.defaultConfiguration()
        .configureTransactionManager(configuration -> joiningSpring)
        .configureSerializer(configuration -> snapshots)
        .configureEventSerializer(configuration -> events)
        .configureMessageSerializer(configuration -> events)
        .configureEmbeddedEventStore(configuration -> JdbcEventStorageEngine.builder()
            .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                new SpringDataSourceConnectionProvider(dataSource)))
            .transactionManager(joiningSpring)
            .schema(SNAKE_CASE_TABLES)
            .eventSerializer(events)
            .snapshotSerializer(snapshots)
            .upcasterChain(configuration.upcasterChain())
            .build())
        .configureAggregate(AggregateConfigurer.defaultConfiguration(CreditAccount.class)
            // Decisions for one account are serialised by its row lock in the database (held to the commit, across
            // instances); Axon's in-memory lock would be a second one, released before that commit.
            .configureLockFactory(configuration -> NullLockFactory.INSTANCE)
            .configureSnapshotTrigger(configuration ->
                new EventCountSnapshotTriggerDefinition(configuration.snapshotter(), snapshotEvery)))
        // In the appending thread and transaction: the published event commits with the append. A publication that
        // fails fails the command (Axon would only log it by default), so no event is ever appended unpublished.
        .eventProcessing(processing -> processing.usingSubscribingEventProcessors()
            .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance())
            .registerEventHandler(configuration -> publisher))
        .buildConfiguration();
    ledger.start();
    return ledger;
  }

  @Bean
  CommandGateway creditCommands(Configuration creditLedger) {
    return creditLedger.commandGateway();
  }

  @Bean
  Repository<CreditAccount> creditAccounts(Configuration creditLedger) {
    return creditLedger.repository(CreditAccount.class);
  }

  @Bean
  EventStore creditEvents(Configuration creditLedger) {
    return creditLedger.eventStore();
  }
}
