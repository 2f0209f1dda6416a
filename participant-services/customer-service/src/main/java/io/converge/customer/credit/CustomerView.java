package io.converge.customer.credit;

import java.math.BigDecimal;
import java.util.List;

/** What {@code GET /api/customers/{id}} shows: the open reservations, most recent first, at most {@link #MAX_LISTED}. */
record CustomerView(String id, String name, BigDecimal creditLimit, BigDecimal available,
                    List<OpenReservation> openReservations) {

  static final int MAX_LISTED = 100;

  record OpenReservation(String orderId, BigDecimal amount) {
  }
}
