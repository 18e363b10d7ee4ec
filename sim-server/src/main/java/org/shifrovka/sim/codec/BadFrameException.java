package org.shifrovka.sim.codec;

import io.netty.handler.codec.CorruptedFrameException;

/** A malformed frame: the connection that sent it is closed. Carries no stack trace. */
public final class BadFrameException extends CorruptedFrameException {
  private static final long serialVersionUID = 1L;

  /** Returns an exception with the reason. */
  public BadFrameException(String reason) {
    super(reason);
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
