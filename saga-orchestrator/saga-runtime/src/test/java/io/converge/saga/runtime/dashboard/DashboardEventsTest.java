package io.converge.saga.runtime.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DashboardEventsTest {

  @Test
  void aUserHoldsAtMostItsShareOfOpenPages() {
    DashboardEvents events = new DashboardEvents();
    IntStream.range(0, DashboardEvents.PAGES_PER_USER + 5).forEach(i -> events.subscribe("mallory"));
    events.subscribe("olivia");

    assertThat(events.open()).isEqualTo(DashboardEvents.PAGES_PER_USER + 1);
  }

  @Test
  void openPagesInAllAreBounded() {
    DashboardEvents events = new DashboardEvents();
    IntStream.range(0, DashboardEvents.PAGES_IN_ALL + 50).forEach(i -> events.subscribe("user-" + i));

    assertThat(events.open()).isEqualTo(DashboardEvents.PAGES_IN_ALL);
  }
}
