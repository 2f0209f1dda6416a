package io.converge.service.web;

/**
 * What an id in a request may look like (a customer id, a SKU, a payment method, an order id): letters, digits and
 * {@code . _ : @ -}, at most 64 characters, starting with a letter or digit. No spaces, quotes, angle brackets, control
 * characters or anything outside ASCII: such an id is refused with 400 before anything is stored.
 */
public final class Ids {

  /** For {@code @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE)}. */
  public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._:@-]{0,63}";
  public static final String MESSAGE = "must be 1 to 64 letters, digits or . _ : @ - (starting with a letter or digit)";

  private Ids() {
  }
}
