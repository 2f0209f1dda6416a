package io.converge.orchestrator.participants;

import io.converge.outbox.deadletter.DeadLetter;
import io.converge.outbox.deadletter.DeadLetters;
import io.converge.saga.runtime.dashboard.ServiceStatuses;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The orchestrator and its participants as the dashboard shows them: dead letters and outbox relays, read live — the
 * orchestrator's from its own meters and tables, each participant's from its actuator (Prometheus, open) and its API
 * (dead letters, with the configured operator token).
 */
@Component
class ParticipantStatuses implements ServiceStatuses {

  private static final Logger log = LoggerFactory.getLogger(ParticipantStatuses.class);

  private static final String SELF = "saga-orchestrator";
  private static final ParameterizedTypeReference<List<Map<String, Object>>> LETTERS =
      new ParameterizedTypeReference<>() { };

  private final ParticipantUrls urls;
  private final MeterRegistry meters;
  private final DeadLetters ownDeadLetters;
  private final RestClient http;

  ParticipantStatuses(ParticipantUrls urls, MeterRegistry meters, DeadLetters ownDeadLetters, ParticipantHttp http) {
    this.urls = urls;
    this.meters = meters;
    this.ownDeadLetters = ownDeadLetters;
    this.http = http.client().build();
  }

  @Override
  public List<ServiceStatus> statuses() {
    List<ServiceStatus> statuses = new ArrayList<>();
    statuses.add(new ServiceStatus(SELF, (long) gauge("converge.dead_letters"),
        (long) gauge("converge.outbox.relay.backlog"), relayP99(), null));
    for (String service : urls.apis().keySet()) {
      try {
        String metrics = http.get().uri(urls.managementOf(service) + "/actuator/prometheus").retrieve()
            .body(String.class);
        statuses.add(new ServiceStatus(service, (long) first(metrics, "converge_dead_letters\\{[^}]*}"),
            (long) first(metrics, "converge_outbox_relay_backlog\\{[^}]*}"),
            first(metrics, "converge_outbox_relay_latency_seconds\\{[^}]*quantile=\"0\\.99\"[^}]*}") * 1000, null));
      } catch (RuntimeException unreachable) {
        statuses.add(new ServiceStatus(service, null, null, null, notReachable(service, unreachable)));
      }
    }
    return statuses;
  }

  @Override
  public DeadLetterList deadLetters(int limit) {
    List<DeadLetterView> letters = new ArrayList<>(ownDeadLetters.list(limit).stream().map(ParticipantStatuses::view)
        .toList());
    List<String> unread = new ArrayList<>();
    urls.apis().forEach((service, api) -> {
      if (!urls.hasToken()) {
        unread.add(service + ": the orchestrator has no token for the participants (converge.participants.token)");
        return;
      }
      try {
        http.get().uri(api + "/api/dead-letters?limit={limit}", limit).header("Authorization", "Bearer " + urls.token())
            .retrieve().body(LETTERS).forEach(letter -> letters.add(view(service, letter)));
      } catch (RuntimeException unreachable) {
        unread.add(service + ": " + notReachable(service, unreachable));
      }
    });
    return new DeadLetterList(letters, unread);
  }

  @Override
  public void replay(String service, long id) {
    if (service.equals(SELF)) {
      ownDeadLetters.replay(id, Optional.ofNullable(SecurityContextHolder.getContext().getAuthentication())
          .map(Principal::getName).orElse("dashboard"));
      return;
    }
    String api = Optional.ofNullable(urls.apis().get(service))
        .orElseThrow(() -> new IllegalArgumentException("No service " + service));
    if (!urls.hasToken()) {
      throw new IllegalStateException(
          "the orchestrator has no token for the participants (converge.participants.token)");
    }
    http.post().uri(api + "/api/dead-letters/{id}/replay", id).header("Authorization", "Bearer " + urls.token())
        .retrieve().toBodilessEntity();
  }

  private double gauge(String name) {
    return meters.find(name).gauges().stream().mapToDouble(Gauge::value).sum();
  }

  private Double relayP99() {
    Timer timer = meters.find("converge.outbox.relay.latency").timer();
    if (timer == null) {
      return null;
    }
    return Arrays.stream(timer.takeSnapshot().percentileValues()).filter(p -> p.percentile() == 0.99)
        .mapToDouble(p -> p.value(java.util.concurrent.TimeUnit.MILLISECONDS)).findFirst().orElse(Double.NaN);
  }

  private static double first(String metrics, String series) {
    Matcher value = Pattern.compile("(?m)^" + series + " ([0-9.eE+-]+|NaN)$").matcher(metrics);
    return value.find() ? Double.parseDouble(value.group(1)) : 0;
  }

  private static DeadLetterView view(DeadLetter letter) {
    return new DeadLetterView(SELF, letter.id(), letter.channel(), letter.messageId(), preview(letter.payload()),
        letter.error(), String.valueOf(letter.createdAt()), letter.replayedAt() == null ? null
        : letter.replayedAt().toString(), letter.replayedBy());
  }

  private static DeadLetterView view(String service, Map<String, Object> letter) {
    return new DeadLetterView(service, ((Number) letter.get("id")).longValue(), (String) letter.get("channel"),
        (String) letter.get("messageId"), preview((String) letter.get("payload")), (String) letter.get("error"),
        String.valueOf(letter.get("createdAt")), (String) letter.get("replayedAt"), (String) letter.get("replayedBy"));
  }

  private static String preview(String payload) {
    return payload == null || payload.length() <= 200 ? payload : payload.substring(0, 200) + "…";
  }

  /** What a viewer is shown: the reason's kind, not the message (it names internal addresses, or a response body). */
  private static String notReachable(String service, RuntimeException unreachable) {
    log.warn("Dashboard: {} not reachable: {}", service, unreachable.toString());
    return "not reachable (" + unreachable.getClass().getSimpleName() + ")";
  }
}
