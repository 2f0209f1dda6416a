package io.converge.customer.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.converge.customer.CustomerServiceApplication;
import io.converge.customer.credit.domain.CreditAccount;
import io.converge.customer.credit.domain.CreditAccountCommands.ReserveForOrder;
import io.converge.customer.credit.domain.CreditReservation;
import io.converge.devinfra.RunningService;
import io.converge.devinfra.ServiceDatabase;
import io.converge.devinfra.ServiceDatabases;
import io.converge.devinfra.ServiceLauncher;
import io.converge.devinfra.ServiceUnderTest;
import io.converge.devinfra.SharedInfrastructure;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.Repository;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The event-sourced credit account on a real MariaDB: optimistic appends, snapshots, and the start from old tables. */
class CreditLedgerIT {

  private static final int SNAPSHOT_EVERY = 5;

  @RegisterExtension
  static final ServiceUnderTest service = new ServiceUnderTest(CustomerServiceApplication::application,
      "it_credit_ledger", Map.of("converge.customer.snapshot-every", SNAPSHOT_EVERY));

  @Test
  void aConcurrentAppendAtTheSameVersionIsRefusedAndTheFirstStands() {
    String customer = newCustomer("100.00");
    TransactionTemplate transaction = new TransactionTemplate(bean(PlatformTransactionManager.class));
    @SuppressWarnings("unchecked")
    Repository<CreditAccount> accounts = bean(Repository.class);

    assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
      DefaultUnitOfWork<?> late = DefaultUnitOfWork.startAndGet(null);
      Aggregate<CreditAccount> stale = accounts.load(customer);
      // Another writer appends and commits while this one holds the account as of before.
      CompletableFuture.runAsync(() -> credit().reserve("first-" + customer, customer, new BigDecimal("60.00")))
          .join();
      stale.execute(account -> account.reserve(new ReserveForOrder(customer, "late-" + customer,
          new BigDecimal("50.00"))));
      late.commit();
    })).hasRootCauseInstanceOf(java.sql.SQLIntegrityConstraintViolationException.class)
        .isInstanceOf(ConcurrencyException.class);

    assertThat(credit().view(customer).openReservations()).extracting(CustomerView.OpenReservation::orderId)
        .containsExactly("first-" + customer);
    // Retried on the account as it now is, the late one is decided on what the first left: refused, not lost.
    assertThat(credit().reserve("late-" + customer, customer, new BigDecimal("50.00")).status())
        .isEqualTo(CreditReservation.Status.REJECTED);
    assertThat(credit().view(customer).available()).isEqualByComparingTo("40.00");
  }

  @Test
  void snapshotsEveryFewEventsAndLoadsTheSameStateFromThem() {
    String customer = newCustomer("1000.00");
    for (int i = 0; i < 3 * SNAPSHOT_EVERY; i++) {
      String order = customer + "-" + i;
      credit().reserve(order, customer, BigDecimal.TEN);
      if (i % 3 == 0) {
        credit().release(order);
      }
    }
    CustomerView fromSnapshot = credit().view(customer);

    JdbcTemplate jdbc = bean(JdbcTemplate.class);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?",
        Integer.class, customer)).isPositive();
    jdbc.update("DELETE FROM snapshot_event_entry WHERE aggregate_identifier = ?", customer);
    CustomerView fromEventsOnly = credit().view(customer);

    assertThat(fromSnapshot).isEqualTo(fromEventsOnly);
    assertThat(fromEventsOnly.available()).isEqualByComparingTo("900.00");
    assertThat(fromEventsOnly.openReservations()).hasSize(10);
  }

  @Test
  void theOldTablesBecomeEachAccountsFirstEvents() {
    ServiceDatabase database = SharedInfrastructure.freshDatabase("it_credit_legacy");
    Flyway.configure().dataSource(database.jdbcUrl(), database.user(), database.password())
        .locations("classpath:db/outbox", "classpath:db/customer").target("3").load().migrate();
    JdbcTemplate legacy = new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(
        database.jdbcUrl(), database.user(), database.password()));
    legacy.update("INSERT INTO customers (id, name, credit_limit, reserved) VALUES ('bob', 'Bob', 500.00, 80.00)");
    legacy.update("INSERT INTO credit_reservations (order_id, customer_id, amount, status, created_at) VALUES "
        + "('o-1', 'bob', 30.00, 'RESERVED', '2026-01-01 10:00:00'), "
        + "('o-2', 'bob', 50.00, 'RESERVED', '2026-01-01 11:00:00'), "
        + "('o-3', 'bob', 70.00, 'RELEASED', '2026-01-01 09:00:00')");

    try (ConfigurableApplicationContext migrated = ServiceLauncher.start(CustomerServiceApplication.application(),
        database, SharedInfrastructure.kafka(), 0, Map.of())) {
      CustomerCredit credit = migrated.getBean(CustomerCredit.class);
      CustomerView bob = credit.view("bob");
      assertThat(bob.creditLimit()).isEqualByComparingTo("500.00");
      assertThat(bob.available()).isEqualByComparingTo("420.00");
      assertThat(bob.openReservations()).extracting(CustomerView.OpenReservation::orderId)
          .containsExactly("o-2", "o-1");

      assertThat(migrated.getBean(JdbcTemplate.class).queryForList("SELECT JSON_VALUE(headers, '$.\"event-type\"') "
          + "FROM message WHERE destination = 'converge.events.credit' ORDER BY id", String.class))
          .as("the migrated facts, published to other services in the account's order")
          .containsExactly("credit.event.AccountOpened.v1", "credit.event.Reserved.v1", "credit.event.Reserved.v1");

      credit.release("o-1");
      assertThat(credit.reserve("o-4", "bob", new BigDecimal("450.00")).status())
          .isEqualTo(CreditReservation.Status.RESERVED);
      assertThat(credit.view("bob").available()).isEqualByComparingTo("0.00");
    } finally {
      ServiceDatabases.drop(SharedInfrastructure.database(), database.name());
    }
  }

  private static String newCustomer(String limit) {
    String id = "c-" + UUID.randomUUID();
    credit().open(id, "Test Customer", new BigDecimal(limit));
    return id;
  }

  private static CustomerCredit credit() {
    return bean(CustomerCredit.class);
  }

  private static <T> T bean(Class<T> type) {
    RunningService running = service.service();
    return running.bean(type);
  }
}
