package io.converge.customer.credit;

import java.math.BigDecimal;
import java.util.List;

/** What {@code GET /api/customers/{id}} shows. */
record CustomerView(String id, String name, BigDecimal creditLimit, BigDecimal available,
                    List<OpenReservation> openReservations) {

  record OpenReservation(String orderId, BigDecimal amount) {
  }
}
