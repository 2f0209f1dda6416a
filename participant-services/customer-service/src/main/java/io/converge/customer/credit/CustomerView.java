package io.converge.customer.credit;

import io.converge.customer.credit.domain.CreditAccount;
import io.converge.customer.credit.domain.CreditReservation;
import java.math.BigDecimal;
import java.util.List;

/** What {@code GET /api/customers/{id}} shows: the open reservations, most recent first, at most {@link #MAX_LISTED}. */
record CustomerView(String id, String name, BigDecimal creditLimit, BigDecimal available,
                    List<OpenReservation> openReservations) {

  static final int MAX_LISTED = 100;

  static CustomerView of(CreditAccount account, List<CreditReservation> open) {
    return new CustomerView(account.customerId(), account.name(), account.creditLimit(), account.available(),
        open.stream().map(r -> new OpenReservation(r.orderId(), r.amount())).toList());
  }

  record OpenReservation(String orderId, BigDecimal amount) {
  }
}
