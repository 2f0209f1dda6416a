package io.converge.outbox.relay;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A bare service: the outbox library's auto-configuration and nothing else. */
@SpringBootApplication
class RelayTestApplication {
}
