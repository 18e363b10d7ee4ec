package org.shifrovka.cli;

/** Placeholder entry point; replaced by the picocli tool. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("shifrovka");
  }
}
