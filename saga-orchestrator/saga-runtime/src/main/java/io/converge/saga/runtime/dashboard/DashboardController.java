package io.converge.saga.runtime.dashboard;

import io.converge.saga.runtime.definition.SagaTypes;
import io.converge.saga.runtime.operations.SagaOperations;
import io.converge.saga.runtime.reconciliation.ConsistencySweep;
import io.converge.saga.runtime.state.SagaState;
import io.converge.saga.runtime.state.SagaStore;
import io.converge.saga.runtime.state.SagaView;
import io.converge.saga.runtime.timers.SagaTimers;
import io.converge.service.security.Role;
import io.converge.service.web.ConflictException;
import io.converge.service.web.NotFoundException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operators' dashboard, server-rendered (Thymeleaf), kept live by htmx fragments refreshed on server-sent events.
 * Pages for VIEWERs; actions (retry, resolve) for OPERATORs, each with a confirmation and a comment, recorded with the
 * logged-in operator in the saga's audit trail.
 */
@Controller
@RequestMapping("/ui")
class DashboardController {

  private static final Set<String> ACTIONS = Set.of("retry", "resolve", "compensate");

  private final DashboardQueries queries;
  private final SagaStore sagas;
  private final SagaTypes sagaTypes;
  private final SagaOperations operations;
  private final ConsistencySweep sweep;
  private final DashboardEvents events;
  private final SagaTimers timers;
  private final List<ParticipantViews> participantViews;
  private final Optional<ServiceStatuses> serviceStatuses;

  DashboardController(DashboardQueries queries, SagaStore sagas, SagaTypes sagaTypes, SagaOperations operations,
                      ConsistencySweep sweep, DashboardEvents events, SagaTimers timers,
                      List<ParticipantViews> participantViews, Optional<ServiceStatuses> serviceStatuses) {
    this.timers = timers;
    this.serviceStatuses = serviceStatuses;
    this.queries = queries;
    this.sagas = sagas;
    this.sagaTypes = sagaTypes;
    this.operations = operations;
    this.sweep = sweep;
    this.events = events;
    this.participantViews = participantViews;
  }

  @GetMapping
  String overview(Model model, Authentication user) {
    who(model, user);
    return "dashboard/overview";
  }

  @GetMapping("/overview")
  String overviewFragment(Model model) {
    model.addAttribute("open", queries.open());
    model.addAttribute("ended", queries.endedInTheLastHour());
    model.addAttribute("timeToConsistency", queries.timeToConsistency());
    model.addAttribute("parked", queries.parked(20));
    model.addAttribute("pastDeadline", queries.pastDeadline(20));
    model.addAttribute("report", sweep.lastReport());
    model.addAttribute("outboxBacklog", queries.outboxBacklog());
    model.addAttribute("services", serviceStatuses.map(ServiceStatuses::statuses).orElse(List.of()));
    return "dashboard/overview-content :: content";
  }

  @GetMapping("/sagas")
  String list(Model model, Authentication user, @RequestParam Map<String, String> params) {
    who(model, user);
    model.addAttribute("filter", filter(params));
    model.addAttribute("params", params);
    model.addAttribute("states", SagaState.values());
    model.addAttribute("types", queries.sagaTypes());
    return "dashboard/sagas";
  }

  @GetMapping("/sagas/rows")
  String rows(Model model, @RequestParam Map<String, String> params) {
    SagaFilter filter = filter(params);
    List<DashboardQueries.Row> rows = queries.list(filter);
    model.addAttribute("rows", rows.size() > SagaFilter.PAGE_SIZE ? rows.subList(0, SagaFilter.PAGE_SIZE) : rows);
    model.addAttribute("hasNext", rows.size() > SagaFilter.PAGE_SIZE);
    model.addAttribute("filter", filter);
    return "dashboard/saga-rows :: rows";
  }

  @GetMapping("/sagas/{sagaId}")
  String detail(@PathVariable String sagaId, Model model, Authentication user) {
    who(model, user);
    SagaView saga = sagas.find(sagaId).orElseThrow(() -> new NotFoundException("No saga " + sagaId));
    model.addAttribute("saga", saga);
    model.addAttribute("actions", queries.operatorActions(sagaId));
    model.addAttribute("plan", SagaPlan.of(saga, sagaTypes.find(SagaTypes.wireType(saga.sagaType(),
        saga.definitionVersion())), timers.currentCommandType(sagaId)));
    model.addAttribute("participants", participantsOf(saga));
    return "dashboard/saga";
  }

  @PostMapping("/sagas/{sagaId}/{action}")
  String act(@PathVariable String sagaId, @PathVariable String action, @RequestParam(required = false) String comment,
             @RequestParam(required = false) String confirm, Authentication user, RedirectAttributes redirect) {
    if (!ACTIONS.contains(action)) {
      throw new NotFoundException("No action " + action);
    }
    try {
      if (!"yes".equals(confirm)) {
        throw new IllegalArgumentException("Confirm the action first");
      }
      if (comment == null || comment.isBlank() || comment.length() > 2000) {
        throw new IllegalArgumentException("Say why, in a comment of at most 2000 characters");
      }
      switch (action) {
        case "retry" -> operations.retry(sagaId, user.getName(), comment.strip());
        case "resolve" -> operations.resolve(sagaId, user.getName(), comment.strip());
        default -> operations.compensateNow(sagaId, user.getName(), comment.strip());
      }
      redirect.addFlashAttribute("message", action + " recorded for " + user.getName());
    } catch (IllegalArgumentException | ConflictException | NotFoundException refused) {
      redirect.addFlashAttribute("error", refused.getMessage());
    }
    return "redirect:/ui/sagas/" + sagaId;
  }

  /** Dead letters across every service, with a preview of each payload, and their replay (once). */
  @GetMapping("/dead-letters")
  String deadLetters(Model model, Authentication user) {
    who(model, user);
    ServiceStatuses.DeadLetterList list = serviceStatuses.map(statuses -> statuses.deadLetters(50))
        .orElse(new ServiceStatuses.DeadLetterList(List.of(), List.of()));
    model.addAttribute("letters", list.letters());
    model.addAttribute("unread", list.unread());
    return "dashboard/dead-letters";
  }

  @PostMapping("/dead-letters/{service}/{id}/replay")
  String replay(@PathVariable String service, @PathVariable long id, @RequestParam(required = false) String confirm,
                Authentication user, RedirectAttributes redirect) {
    if (!"yes".equals(confirm)) {
      redirect.addFlashAttribute("error", "Confirm the replay first");
    } else {
      try {
        serviceStatuses.orElseThrow(() -> new NotFoundException("No services to replay at")).replay(service, id);
        redirect.addFlashAttribute("message", "Dead letter " + id + " of " + service + " replayed by "
            + user.getName());
      } catch (RuntimeException refused) {
        redirect.addFlashAttribute("error", "Not replayed: " + refused.getMessage());
      }
    }
    return "redirect:/ui/dead-letters";
  }

  @GetMapping(path = "/events", produces = "text/event-stream")
  SseEmitter events(Authentication user) {
    return events.subscribe(user.getName());
  }

  private Map<String, String> participantsOf(SagaView saga) {
    try {
      return participantViews.stream().filter(view -> view.sagaTypes().contains(saga.sagaType())).findFirst()
          .map(view -> view.of(saga.businessKey())).orElse(Map.of());
    } catch (RuntimeException unreachable) {
      return Map.of("(participants)", "not reachable now: " + unreachable.getClass().getSimpleName());
    }
  }

  private static void who(Model model, Authentication user) {
    model.addAttribute("user", user.getName());
    model.addAttribute("canAct", user.getAuthorities().stream()
        .anyMatch(authority -> authority.getAuthority().equals(Role.OPERATOR.authority())));
  }

  /** Bad filter values are ignored rather than refused: the page shows what it could read. */
  private static SagaFilter filter(Map<String, String> params) {
    SagaState state = Optional.ofNullable(blankToNull(params.get("state"))).flatMap(DashboardController::state)
        .orElse(null);
    int page = 0;
    try {
      page = Math.max(0, Math.min(Integer.parseInt(params.getOrDefault("page", "0")), SagaFilter.LAST_PAGE));
    } catch (NumberFormatException ignored) {
      // first page
    }
    return new SagaFilter(state, limit(blankToNull(params.get("type")), 255),
        limit(blankToNull(params.get("key")), 100), time(params.get("from")), time(params.get("to")), page);
  }

  private static Optional<SagaState> state(String name) {
    try {
      return Optional.of(SagaState.valueOf(name));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** An instant, or a local date-time from a {@code datetime-local} field (read as UTC). */
  private static Instant time(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException notAnInstant) {
      try {
        return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String limit(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
