package io.converge.contracts.events;

/**
 * An old version of a published event that a reader still accepts: it turns itself into the next version. Old
 * versions stay in the contracts, under their own wire names, as long as a topic kept for replay may hold them.
 */
public interface Upcasts<T extends PublishedEvent> {

  T upcast();
}
