package io.converge.payment.review;

import static io.eventuate.tram.commands.consumer.CommandHandlerReplyBuilder.withSuccess;

import io.converge.contracts.payment.PaymentChannels;
import io.converge.contracts.payment.RequestRiskReview;
import io.converge.contracts.payment.ReviewWithdrawn;
import io.converge.contracts.payment.WithdrawReview;
import io.eventuate.tram.commands.consumer.CommandHandlers;
import io.eventuate.tram.commands.consumer.CommandMessage;
import io.eventuate.tram.commands.consumer.CommandReplyProducer;
import io.eventuate.tram.commands.consumer.CommandReplyToken;
import io.eventuate.tram.sagas.participant.SagaCommandHandlersBuilder;
import org.springframework.stereotype.Component;

/**
 * The review's commands. A request is a deferred reply: the handler stores where the reply goes and returns none; the
 * reply is sent when a person decides ({@link RiskReviews#decide}).
 */
@Component
public class RiskReviewCommandHandlers {

  private final RiskReviews reviews;
  private final CommandReplyProducer replies;

  RiskReviewCommandHandlers(RiskReviews reviews, CommandReplyProducer replies) {
    this.reviews = reviews;
    this.replies = replies;
  }

  public CommandHandlers definitions() {
    return SagaCommandHandlersBuilder.fromChannel(PaymentChannels.COMMANDS)
        .onMessage(RequestRiskReview.class, this::request)
        .onMessage(WithdrawReview.class, message -> {
          reviews.withdraw(message.getCommand().orderId());
          return withSuccess(new ReviewWithdrawn(message.getCommand().orderId()));
        })
        .build();
  }

  private void request(CommandMessage<RequestRiskReview> message, CommandReplyToken replyTo) {
    reviews.request(message.getCommand(), replyTo).ifPresent(reply -> replies.sendReplies(replyTo, reply));
  }
}
