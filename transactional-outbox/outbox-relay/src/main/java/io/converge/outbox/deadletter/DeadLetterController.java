package io.converge.outbox.deadletter;

import java.util.List;
import org.springframework.http.ResponseEntity;
import java.security.Principal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every service's dead letters: {@code GET /api/dead-letters}, {@code POST /api/dead-letters/{id}/replay}. */
@RestController
@RequestMapping("/api/dead-letters")
public class DeadLetterController {

  private final DeadLetters deadLetters;

  public DeadLetterController(DeadLetters deadLetters) {
    this.deadLetters = deadLetters;
  }

  @GetMapping
  List<DeadLetter> list(@RequestParam(defaultValue = "100") int limit) {
    return deadLetters.list(Math.max(1, Math.min(limit, 1000)));
  }

  @PostMapping("/{id}/replay")
  ResponseEntity<Void> replay(@PathVariable long id, Principal operator) {
    deadLetters.replay(id, operator.getName());
    return ResponseEntity.accepted().build();
  }
}
