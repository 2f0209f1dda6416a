package io.converge.saga.runtime.instances;

import io.eventuate.common.id.ApplicationIdGenerator;
import io.eventuate.common.jdbc.EventuateJdbcStatementExecutor;
import io.eventuate.common.jdbc.EventuateSchema;
import io.eventuate.tram.sagas.orchestration.DestinationAndResource;
import io.eventuate.tram.sagas.orchestration.SagaInstance;
import io.eventuate.tram.sagas.orchestration.SagaInstanceRepositoryJdbc;
import io.eventuate.tram.sagas.orchestration.SerializedSagaData;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Eventuate's saga instance store, reading an instance and its locked resources in one statement instead of two (its
 * saga manager reads the instance for every reply). Same tables, same rows, same writes.
 */
public class JoinedSagaInstanceRepository extends SagaInstanceRepositoryJdbc {

  private final EventuateJdbcStatementExecutor jdbc;
  private final String selectWithParticipants;

  public JoinedSagaInstanceRepository(EventuateJdbcStatementExecutor jdbc, EventuateSchema schema) {
    super(jdbc, new ApplicationIdGenerator(), schema);
    this.jdbc = jdbc;
    this.selectWithParticipants = ("SELECT i.state_name, i.last_request_id, i.saga_data_type, i.saga_data_json, "
        + "i.end_state, i.compensating, i.failed, p.destination, p.resource FROM %s i LEFT JOIN %s p "
        + "ON p.saga_type = i.saga_type AND p.saga_id = i.saga_id WHERE i.saga_type = ? AND i.saga_id = ?")
        .formatted(schema.qualifyTable("saga_instance"), schema.qualifyTable("saga_instance_participants"));
  }

  @Override
  public SagaInstance find(String sagaType, String sagaId) {
    List<Row> rows = jdbc.query(selectWithParticipants, (rs, n) -> new Row(rs.getString("state_name"),
            rs.getString("last_request_id"), rs.getString("saga_data_type"), rs.getString("saga_data_json"),
            rs.getBoolean("end_state"), rs.getBoolean("compensating"), rs.getBoolean("failed"),
            rs.getString("destination"), rs.getString("resource")),
        sagaType, sagaId);
    if (rows.isEmpty()) {
      throw new RuntimeException("Cannot find saga instance %s %s".formatted(sagaType, sagaId));
    }
    Set<DestinationAndResource> locked = new HashSet<>();
    for (Row row : rows) {
      if (row.destination() != null) {
        locked.add(new DestinationAndResource(row.destination(), row.resource()));
      }
    }
    Row instance = rows.get(0);
    return new SagaInstance(sagaType, sagaId, instance.stateName(), instance.lastRequestId(),
        new SerializedSagaData(instance.dataType(), instance.dataJson()), locked, instance.endState(),
        instance.compensating(), instance.failed());
  }

  private record Row(String stateName, String lastRequestId, String dataType, String dataJson, boolean endState,
                     boolean compensating, boolean failed, String destination, String resource) {
  }
}
