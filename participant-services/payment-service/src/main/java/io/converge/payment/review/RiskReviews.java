package io.converge.payment.review;

import static io.eventuate.tram.commands.consumer.CommandHandlerReplyBuilder.withFailure;
import static io.eventuate.tram.commands.consumer.CommandHandlerReplyBuilder.withSuccess;

import io.converge.contracts.payment.RequestRiskReview;
import io.converge.contracts.payment.RiskApproved;
import io.converge.contracts.payment.RiskRejected;
import io.converge.payment.review.domain.RiskReview;
import io.converge.service.web.ConflictException;
import io.converge.service.web.NotFoundException;
import io.eventuate.tram.commands.consumer.CommandReplyProducer;
import io.eventuate.tram.commands.consumer.CommandReplyToken;
import io.eventuate.tram.messaging.common.Message;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Risk reviews made by a person. The saga's request is answered when the person decides, in the transaction that
 * records the decision (through the outbox, like any reply); a request sent again answers a decision already made.
 */
@Service
class RiskReviews {

  private final RiskReviewStore store;
  private final CommandReplyProducer replies;
  private final Clock clock;

  RiskReviews(RiskReviewStore store, CommandReplyProducer replies) {
    this.store = store;
    this.replies = replies;
    this.clock = Clock.systemUTC();
  }

  /**
   * Records the request (once) and returns the reply to send now: none while the review waits for a person, the
   * decision if one was made, a rejection if the review was withdrawn first.
   */
  @Transactional
  Optional<Message> request(RequestRiskReview command, CommandReplyToken replyTo) {
    Optional<RiskReview> existing = store.find(command.orderId(), true);
    if (existing.isEmpty()) {
      store.insert(RiskReview.requested(command.orderId(), command.customerId(), command.total(),
          Instant.ofEpochMilli(command.decideByEpochMillis())), replyTo);
      return Optional.empty();
    }
    RiskReview review = existing.get();
    return switch (review.state()) {
      case PENDING -> {
        store.replyTo(review.orderId(), replyTo);
        yield Optional.empty();
      }
      case APPROVED, REJECTED -> Optional.of(decisionReply(review));
      case WITHDRAWN -> Optional.of(withFailure(new RiskRejected(review.orderId(), null, "review withdrawn")));
    };
  }

  /**
   * A person's decision, answered to the saga at once. The same decision again changes nothing; another decision,
   * a decision on a withdrawn review or one at or after the review's deadline is refused.
   */
  @Transactional
  RiskReview decide(String orderId, RiskReview.Decision decision, String reviewer, String comment) {
    RiskReview review = store.find(orderId, true)
        .orElseThrow(() -> new NotFoundException("No risk review for order " + orderId));
    switch (review.state()) {
      case APPROVED, REJECTED -> {
        if (review.state() == decision.state()) {
          return review;
        }
        throw new ConflictException("The review of order " + orderId + " was already decided: " + review.state()
            + " by " + review.reviewer());
      }
      case WITHDRAWN -> throw new ConflictException("The review of order " + orderId
          + " was withdrawn (its deadline passed or the order was rejected); a decision no longer counts");
      case PENDING -> {
        if (review.pastDeadline(clock.instant())) {
          throw new ConflictException("The review of order " + orderId + " had to be decided by "
              + review.decideBy() + "; the order is rejected without it");
        }
      }
    }
    RiskReview decided = review.decided(decision, reviewer, comment);
    store.decided(decided);
    store.replyToken(orderId).ifPresent(replyTo -> replies.sendReplies(replyTo, decisionReply(decided)));
    return store.find(orderId, false).orElseThrow();
  }

  /** Withdraws the review, decided or not; a withdrawal before the request leaves a tombstone. */
  @Transactional
  void withdraw(String orderId) {
    store.find(orderId, true).ifPresentOrElse(review -> store.withdrawn(orderId),
        () -> store.insert(RiskReview.withdrawnBeforeRequested(orderId), null));
  }

  @Transactional(readOnly = true)
  Optional<RiskReview> find(String orderId) {
    return store.find(orderId, false);
  }

  @Transactional(readOnly = true)
  List<ReviewChange> ofOrders(List<String> orderIds) {
    return orderIds.isEmpty() ? List.of() : store.byOrderIds(orderIds);
  }

  @Transactional(readOnly = true)
  List<RiskReview> inState(RiskReview.State state, int limit) {
    return store.inState(state, limit);
  }

  private static Message decisionReply(RiskReview review) {
    return review.state() == RiskReview.State.APPROVED
        ? withSuccess(new RiskApproved(review.orderId(), review.reviewer(), review.comment()))
        : withFailure(new RiskRejected(review.orderId(), review.reviewer(), review.comment()));
  }
}
