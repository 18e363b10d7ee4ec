package org.shifrovka.cli.command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Parameters;

/** The files of radiograms a command reads: {@code FILE...}, standard input if none. */
final class RadiogramFiles {
  @Parameters(paramLabel = "FILE", arity = "0..*",
      description = "Files of radiograms; - is standard input (default: -).")
  List<Path> inputs = new ArrayList<>();

  /** Returns the files given, or {@code -} (standard input) if none. */
  List<Path> files() {
    return inputs.isEmpty() ? List.of(Path.of("-")) : inputs;
  }
}
