package io.converge.saga.runtime.dashboard;

import io.converge.saga.runtime.state.SagaState;
import java.time.Instant;

/**
 * What the saga list shows: any of state, type, business key and start time range, newest first, a page at a time.
 *
 * @param key the business key (an order id), matched exactly
 */
record SagaFilter(SagaState state, String type, String key, Instant from, Instant to, int page) {

  static final int PAGE_SIZE = 50;
  /** 10,000 sagas back: further back, filter by start time (a deep page costs the database every row before it). */
  static final int LAST_PAGE = 199;
}
