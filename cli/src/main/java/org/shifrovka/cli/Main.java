package org.shifrovka.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The entry point of {@code shifrovka.jar}: the only place that calls {@link System#exit}. */
public final class Main {
  private Main() {}

  /** Runs the tool and exits with its exit code. */
  public static void main(String[] args) {
    // straight to the file descriptor, not through System.out, so that a write error (a full
    // disk, a closed pipe) reaches the command instead of being swallowed by a PrintStream
    PrintWriter out = new PrintWriter(new OutputStreamWriter(
        new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8));
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code;
    try {
      code = Shifrovka.create(out, err).execute(args);
    } finally {
      out.flush();
      err.flush();
    }
    System.exit(code);
  }
}
