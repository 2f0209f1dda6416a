package io.converge.orchestrator.placeorder;

import io.converge.orchestrator.cancelorder.CancelOrderSaga;
import io.converge.orchestrator.participants.OrderParticipantViews;
import io.converge.orchestrator.participants.ParticipantReads;
import io.converge.saga.runtime.dashboard.ParticipantViews;
import io.converge.saga.runtime.definition.SagaPolicyProperties;
import io.converge.saga.runtime.state.SagaLifecycle;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Configuration;

/**
 * Every version of the place-order saga up to {@code converge.orders.saga-version} (the newest by default): new orders
 * start on that one, orders in flight end on the one they started on.
 */
@Configuration
@EnableConfigurationProperties(OrderProperties.class)
class PlaceOrderConfiguration {

  @Bean
  PlaceOrderSaga placeOrderSagaV1(SagaLifecycle lifecycle, SagaPolicyProperties policies,
                                  OrderProperties properties) {
    return new PlaceOrderSaga(1, review(properties), lifecycle, policies, Clock.systemUTC());
  }

  @Bean
  @ConditionalOnExpression("${converge.orders.saga-version:" + PlaceOrderSaga.NEWEST_VERSION + "} >= 2")
  PlaceOrderSaga placeOrderSagaV2(SagaLifecycle lifecycle, SagaPolicyProperties policies,
                                  OrderProperties properties) {
    return new PlaceOrderSaga(2, review(properties), lifecycle, policies, Clock.systemUTC());
  }

  /** The dashboard shows an order's state at every participant, for both sagas that drive orders. */
  @Bean
  ParticipantViews orderParticipantViews(ParticipantReads reads) {
    return new OrderParticipantViews(List.of(PlaceOrderSaga.TYPE, CancelOrderSaga.TYPE), reads);
  }

  private static PlaceOrderSaga.Review review(OrderProperties properties) {
    return new PlaceOrderSaga.Review(properties.reviewAbove(), properties.reviewDeadline());
  }
}
