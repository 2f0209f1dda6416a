package io.converge.orderhistory.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read model's versions, each in a schema of its own ({@code model_<version>}): the live one that queries read and
 * the projection keeps current, and, during a rebuild, one being built beside it. The first start makes version 1.
 */
@Component
public class ReadModels {

  private final JdbcTemplate jdbc;
  private volatile String liveSchema;

  ReadModels(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The schema queries read now. */
  public String liveSchema() {
    String schema = liveSchema;
    if (schema == null) {
      schema = jdbc.queryForObject("SELECT schema_name FROM models WHERE state = 'LIVE'", String.class);
      liveSchema = schema;
    }
    return schema;
  }

  /** Makes version 1 live when no version is (the first start); several instances starting at once make it once. */
  @Transactional
  public void ensureOneIsLive() {
    jdbc.execute("LOCK TABLE models IN EXCLUSIVE MODE");
    Optional<String> live = jdbc.queryForList("SELECT schema_name FROM models WHERE state = 'LIVE'", String.class)
        .stream().findFirst();
    if (live.isEmpty()) {
      String schema = create(1);
      jdbc.update("UPDATE models SET state = 'LIVE', switched_at = now() WHERE version = 1");
      liveSchema = schema;
    }
  }

  /** Creates version {@code version}'s empty tables, in state BUILDING; returns its schema. */
  String create(int version) {
    String schema = "model_" + version;
    jdbc.execute(template().replace("${schema}", schema));
    jdbc.update("INSERT INTO models (version, schema_name, state) VALUES (?, ?, 'BUILDING')", version, schema);
    return schema;
  }

  private static String template() {
    try (InputStream sql = new ClassPathResource("model/model.sql").getInputStream()) {
      return new String(sql.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("The read model's tables (model/model.sql) are missing", e);
    }
  }
}
