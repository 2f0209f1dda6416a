package io.converge.devinfra;

import java.util.Map;

/** A message as it travels on Kafka in Eventuate's format. */
public record WireMessage(String topic, int partition, long offset, String key, Map<String, String> headers,
                          String payload) {

  public String header(String name) {
    return headers.get(name);
  }
}
