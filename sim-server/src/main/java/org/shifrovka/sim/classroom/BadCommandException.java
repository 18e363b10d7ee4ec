package org.shifrovka.sim.classroom;

/** A command from the page that is malformed or unknown; the session answers with an error event. */
final class BadCommandException extends Exception {
  private static final long serialVersionUID = 1L;

  BadCommandException(String message) {
    super(message);
  }
}
