package io.converge.orchestrator.participants;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * How the orchestrator calls its participants' APIs: with Spring Boot's HTTP client settings
 * ({@code spring.http.client.connect-timeout} and {@code read-timeout}), so a hung participant costs a bounded wait,
 * never a thread for good. Its clients keep RestClient's own JSON reading: the services' strict mapper (unknown
 * fields refused) is for requests they receive, not for answers that may gain fields.
 */
@Component
class ParticipantHttp {

  private final ClientHttpRequestFactory requests;

  ParticipantHttp(ClientHttpRequestFactoryBuilder<?> factories, ClientHttpRequestFactorySettings settings) {
    this.requests = factories.build(settings);
  }

  RestClient.Builder client() {
    return RestClient.builder().requestFactory(requests);
  }
}
