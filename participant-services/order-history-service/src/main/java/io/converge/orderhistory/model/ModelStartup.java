package io.converge.orderhistory.model;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/** A live model exists before the projection's consumers start (they start with the context, after singletons). */
@Component
class ModelStartup implements SmartInitializingSingleton {

  private final ReadModels models;

  ModelStartup(ReadModels models) {
    this.models = models;
  }

  @Override
  public void afterSingletonsInstantiated() {
    models.ensureOneIsLive();
  }
}
