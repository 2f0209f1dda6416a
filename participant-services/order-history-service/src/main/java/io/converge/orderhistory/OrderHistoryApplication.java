package io.converge.orderhistory;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class OrderHistoryApplication {

  /** Each service reads its own defaults file, so several can share one JVM (the local stack). */
  public static SpringApplicationBuilder application() {
    return new SpringApplicationBuilder(OrderHistoryApplication.class)
        .properties("spring.config.name=order-history-service");
  }

  public static void main(String[] args) {
    application().run(args);
  }
}
