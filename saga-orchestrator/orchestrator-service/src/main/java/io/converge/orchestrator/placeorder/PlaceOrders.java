package io.converge.orchestrator.placeorder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.converge.contracts.OrderLine;
import io.converge.saga.runtime.admission.Admission;
import io.converge.service.web.ConflictException;
import io.eventuate.tram.sagas.orchestration.SagaInstance;
import io.eventuate.tram.sagas.orchestration.SagaInstanceFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Starts place-order sagas; with an Idempotency-Key, one saga per key. */
@Service
class PlaceOrders {

  private final SagaInstanceFactory sagaInstanceFactory;
  private final PlaceOrderSaga saga;
  private final IdempotencyKeys idempotencyKeys;
  private final ObjectMapper objectMapper;

  /** @param versions every registered version of the saga: new orders start on the one the release names */
  PlaceOrders(SagaInstanceFactory sagaInstanceFactory, List<PlaceOrderSaga> versions, OrderProperties properties,
              IdempotencyKeys idempotencyKeys, ObjectMapper objectMapper) {
    this.sagaInstanceFactory = sagaInstanceFactory;
    this.saga = versions.stream().filter(version -> version.version() == properties.sagaVersion()).findFirst()
        .orElseThrow(() -> new IllegalStateException("converge.orders.saga-version=" + properties.sagaVersion()
            + " names no registered version of the place-order saga (1 to " + PlaceOrderSaga.NEWEST_VERSION + ")"));
    this.idempotencyKeys = idempotencyKeys;
    this.objectMapper = objectMapper;
  }

  /**
   * The saga and its first command commit together: the saga exists and runs, or nothing was stored. The admission
   * permit is held by the new saga from the commit on; a replayed key starts none (the caller releases the permit).
   */
  @Transactional
  PlaceOrderResponse place(PlaceOrderRequest request, Optional<String> idempotencyKey, Admission.Permit permit) {
    if (idempotencyKey.isPresent()) {
      String key = idempotencyKey.get();
      String hash = hash(request);
      Optional<IdempotencyKeys.Claimed> claimed = idempotencyKeys.claim(key, hash);
      if (claimed.isPresent()) {
        if (!claimed.get().requestHash().equals(hash)) {
          throw new ConflictException("Idempotency-Key " + key + " was used with another request");
        }
        return new PlaceOrderResponse(claimed.get().sagaId(), claimed.get().orderId(), "RUNNING");
      }
      PlaceOrderResponse started = start(request, permit);
      idempotencyKeys.bind(key, started.sagaId(), started.orderId());
      return started;
    }
    return start(request, permit);
  }

  private PlaceOrderResponse start(PlaceOrderRequest request, Admission.Permit permit) {
    String orderId = UUID.randomUUID().toString();
    PlaceOrderSagaData data = new PlaceOrderSagaData(orderId, request.customerId(),
        request.lines().stream().map(line -> new OrderLine(line.sku(), line.quantity())).toList(),
        request.paymentMethod());
    SagaInstance instance = sagaInstanceFactory.create(saga, data);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        permit.heldBy(instance.getId());
      }
    });
    return new PlaceOrderResponse(instance.getId(), orderId, "RUNNING");
  }

  private String hash(PlaceOrderRequest request) {
    try {
      byte[] canonical = objectMapper.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
