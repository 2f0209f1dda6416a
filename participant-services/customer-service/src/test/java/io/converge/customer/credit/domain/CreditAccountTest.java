package io.converge.customer.credit.domain;

import io.converge.customer.credit.domain.CreditAccountCommands.ChangeLimit;
import io.converge.customer.credit.domain.CreditAccountCommands.OpenAccount;
import io.converge.customer.credit.domain.CreditAccountCommands.ReleaseForOrder;
import io.converge.customer.credit.domain.CreditAccountCommands.ReserveForOrder;
import io.converge.customer.credit.domain.CreditAccountEvent.AccountOpened;
import io.converge.customer.credit.domain.CreditAccountEvent.CreditReleased;
import io.converge.customer.credit.domain.CreditAccountEvent.CreditReserved;
import io.converge.customer.credit.domain.CreditAccountEvent.LimitChanged;
import io.converge.customer.credit.domain.CreditAccountEvent.ReservationRejected;
import java.math.BigDecimal;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The credit account's rules, as given events, when a command, then the events it adds and what it answers. */
class CreditAccountTest {

  private static final String ALICE = "alice";

  private AggregateTestFixture<CreditAccount> account;

  @BeforeEach
  void newFixture() {
    account = new AggregateTestFixture<>(CreditAccount.class);
  }

  @Test
  void opensWithItsLimit() {
    account.givenNoPriorActivity()
        .when(new OpenAccount(ALICE, "Alice", money("100.00")))
        .expectEvents(new AccountOpened(ALICE, "Alice", money("100.00")));
  }

  @Test
  void refusesANegativeLimit() {
    account.givenNoPriorActivity()
        .when(new OpenAccount(ALICE, "Alice", money("-1.00")))
        .expectException(IllegalArgumentException.class)
        .expectNoEvents();
  }

  @Test
  void reservesWhatIsAvailable() {
    account.given(opened("100.00"), new CreditReserved(ALICE, "o1", money("60.00")))
        .when(new ReserveForOrder(ALICE, "o2", money("40.00")))
        .expectEvents(new CreditReserved(ALICE, "o2", money("40.00")))
        .expectResultMessagePayload(CreditReservation.reserved("o2", ALICE, money("40.00")));
  }

  @Test
  void rejectsOverWhatIsAvailableAndRecordsWhy() {
    account.given(opened("100.00"), new CreditReserved(ALICE, "o1", money("60.00")))
        .when(new ReserveForOrder(ALICE, "o2", money("40.01")))
        .expectEvents(new ReservationRejected(ALICE, "o2", money("40.01"), money("40.00")))
        .expectResultMessagePayload(CreditReservation.rejected("o2", ALICE, money("40.01"),
            RejectedBecause.CREDIT_LIMIT_EXCEEDED, money("40.00")));
  }

  @Test
  void releasedCreditIsAvailableAgain() {
    account.given(opened("100.00"), new CreditReserved(ALICE, "o1", money("60.00")),
            new CreditReleased(ALICE, "o1", money("60.00")))
        .when(new ReserveForOrder(ALICE, "o2", money("100.00")))
        .expectEvents(new CreditReserved(ALICE, "o2", money("100.00")));
  }

  @Test
  void releasesWhatTheOrderHolds() {
    account.given(opened("100.00"), new CreditReserved(ALICE, "o1", money("60.00")))
        .when(new ReleaseForOrder(ALICE, "o1", money("60.00")))
        .expectEvents(new CreditReleased(ALICE, "o1", money("60.00")));
  }

  @Test
  void refusesToReleaseMoreThanIsHeld() {
    account.given(opened("100.00"), new CreditReserved(ALICE, "o1", money("60.00")),
            new CreditReleased(ALICE, "o1", money("60.00")))
        .when(new ReleaseForOrder(ALICE, "o1", money("60.00")))
        .expectException(IllegalArgumentException.class)
        .expectNoEvents();
  }

  @Test
  void aLimitLoweredBelowWhatIsHeldKeepsItAndReservesNothingMore() {
    account.given(opened("100.00"), new CreditReserved(ALICE, "o1", money("60.00")),
            new LimitChanged(ALICE, money("100.00"), money("50.00")))
        .when(new ReserveForOrder(ALICE, "o2", money("0.01")))
        .expectEvents(new ReservationRejected(ALICE, "o2", money("0.01"), money("-10.00")));
  }

  @Test
  void theSameLimitAgainChangesNothing() {
    account.given(opened("100.00"))
        .when(new ChangeLimit(ALICE, money("100.0")))
        .expectNoEvents();
  }

  private static AccountOpened opened(String limit) {
    return new AccountOpened(ALICE, "Alice", money(limit));
  }

  private static BigDecimal money(String amount) {
    return new BigDecimal(amount);
  }
}
