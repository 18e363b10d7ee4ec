package org.shifrovka.cli;

import static org.shifrovka.cli.CliRun.arg;

import java.nio.file.Path;

/** A codebook, a pad and its ledger in a directory, made with the tool itself. */
record Keys(Path dir, Path codebook, Path pads, Path ledger) {

  /** Makes an English codebook (seed 42) and a seeded pad of {@code sheets} sheets, book 1949. */
  static Keys make(Path dir, int sheets) {
    return make(dir, "en", sheets);
  }

  /** Makes a codebook of a language (seed 42) and a seeded pad, book 1949. */
  static Keys make(Path dir, String lang, int sheets) {
    Keys k = new Keys(dir, dir.resolve("codebook.txt"), dir.resolve("pads.txt"),
        dir.resolve("pads.txt.ledger")); // pad generate makes the pad's ledger beside it
    CliRun.run("codebook", "generate", "--lang", lang, "--seed", "42", "-o", arg(k.codebook))
        .exits(0);
    CliRun.run("pad", "generate", "--sheets", Integer.toString(sheets), "--seed", "7", "--book",
        "1949", "-o", arg(k.pads)).exits(0);
    return k;
  }

  /** Returns {@code --codebook F --pads F}. */
  String[] keyArgs() {
    return new String[] {"--codebook", arg(codebook), "--pads", arg(pads)};
  }

  /** Returns the encode arguments before the options of a test. */
  String[] encodeArgs(String... more) {
    String[] base = {"encode", "--codebook", arg(codebook), "--pads", arg(pads), "--ledger",
      arg(ledger)};
    return concat(base, more);
  }

  /** Returns the decode arguments before the options of a test. */
  String[] decodeArgs(String... more) {
    return concat(new String[] {"decode", "--codebook", arg(codebook), "--pads", arg(pads)}, more);
  }

  static String[] concat(String[] a, String[] b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
