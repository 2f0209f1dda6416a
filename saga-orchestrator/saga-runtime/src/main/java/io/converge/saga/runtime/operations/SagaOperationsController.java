package io.converge.saga.runtime.operations;

import io.converge.saga.runtime.state.SagaState;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sagas by state (e.g. the parked ones), and an operator's actions on one. Actions need an OPERATOR and are
 * recorded with who and when, in the saga's history and in {@code saga_operator_actions}.
 */
@RestController
@RequestMapping("/api/sagas")
class SagaOperationsController {

  private final SagaOperations operations;
  private final JdbcTemplate jdbc;

  SagaOperationsController(SagaOperations operations, JdbcTemplate jdbc) {
    this.operations = operations;
    this.jdbc = jdbc;
  }

  record SagaSummary(String sagaId, String sagaType, int definitionVersion, String businessKey, SagaState state,
                     String reason, Instant startedAt, Instant deadlineAt, String attention,
                     String pastDeadlineReason) {
  }

  record Action(@Size(max = 2000) String comment) {
  }

  /**
   * Sagas of one type ({@code type=converge.CancelOrderSaga}), in one state ({@code state=NEEDS_ATTENTION}), or not
   * terminal although their deadline passed ({@code pastDeadline=true}, each with why), oldest first, at most
   * {@code limit} (up to 1000).
   */
  @GetMapping
  List<SagaSummary> list(@RequestParam(required = false) @Size(max = 255) String type,
                         @RequestParam(required = false) SagaState state,
                         @RequestParam(defaultValue = "false") boolean pastDeadline,
                         @RequestParam(defaultValue = "100") int limit) {
    if (type == null && state == null && !pastDeadline) {
      throw new IllegalArgumentException("Say which sagas: type=<saga type>, state=<state> or pastDeadline=true");
    }
    String where = pastDeadline ? "ended_at IS NULL AND deadline_at < NOW(3)" : "TRUE";
    List<Object> args = new java.util.ArrayList<>();
    if (type != null) {
      where += " AND saga_type = ?";
      args.add(type);
    }
    if (state != null) {
      where += " AND state = ?";
      args.add(state.name());
    }
    args.add(Math.max(1, Math.min(limit, 1000)));
    return jdbc.query("SELECT saga_id, saga_type, business_key, state, reason, started_at, deadline_at, attention, "
        + "past_deadline_reason, definition_version FROM saga_summary WHERE " + where
        + " ORDER BY started_at LIMIT ?",
        (rs, row) -> new SagaSummary(rs.getString(1), rs.getString(2), rs.getInt(10), rs.getString(3),
            SagaState.valueOf(rs.getString(4)), rs.getString(5), rs.getTimestamp(6).toInstant(),
            rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getString(9)), args.toArray());
  }

  @PostMapping("/{sagaId}/retry")
  ResponseEntity<Void> retry(@PathVariable String sagaId, Principal operator,
                             @Valid @RequestBody(required = false) Action action) {
    operations.retry(sagaId, operator.getName(), action == null ? null : action.comment());
    return ResponseEntity.accepted().build();
  }

  @PostMapping("/{sagaId}/compensate")
  ResponseEntity<Void> compensate(@PathVariable String sagaId, Principal operator, @Valid @RequestBody Action action) {
    operations.compensateNow(sagaId, operator.getName(), action.comment());
    return ResponseEntity.accepted().build();
  }

  @PostMapping("/{sagaId}/resolve")
  ResponseEntity<Void> resolve(@PathVariable String sagaId, Principal operator, @Valid @RequestBody Action action) {
    operations.resolve(sagaId, operator.getName(), action.comment());
    return ResponseEntity.noContent().build();
  }
}
