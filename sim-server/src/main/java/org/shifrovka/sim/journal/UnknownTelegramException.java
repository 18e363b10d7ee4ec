package org.shifrovka.sim.journal;

/** A receipt or a forwarding concerns a telegram that the station journal has no record of. */
public final class UnknownTelegramException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String origin;
  private final int serial;

  /** Creates the exception for the telegram {@code serial} of {@code origin}. */
  public UnknownTelegramException(String origin, int serial) {
    super("no telegram No. " + serial + " from " + origin + " in the station journal");
    this.origin = origin;
    this.serial = serial;
  }

  /** Returns the sending station's name. */
  public String origin() {
    return origin;
  }

  /** Returns the sender's serial. */
  public int serial() {
    return serial;
  }
}
