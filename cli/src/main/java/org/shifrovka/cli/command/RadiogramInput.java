package org.shifrovka.cli.command;

import java.util.ArrayList;
import java.util.List;
import org.shifrovka.MalformedInputException;
import org.shifrovka.cli.CliIo;
import org.shifrovka.cli.Json;
import org.shifrovka.telegram.Radiogram;

/** Radiograms read from a file: radiogram text, or the JSON that {@code encode} writes. */
record RadiogramInput(String source, Radiogram radiogram) {

  /**
   * Parses one input.
   *
   * @throws MalformedInputException naming the file, line and column of the first problem, or if
   *     it holds no radiogram at all
   */
  static List<RadiogramInput> parse(CliIo.Input in) throws MalformedInputException {
    List<Radiogram> rs = Json.looksLikeJson(in.text()) ? Json.parseTelegrams(in.text(), in.name())
        : Radiogram.parseAll(in.text(), in.name());
    if (rs.isEmpty()) {
      throw new MalformedInputException(in.name(), 0, 0, "no radiogram found");
    }
    List<RadiogramInput> out = new ArrayList<>(rs.size());
    for (Radiogram r : rs) {
      out.add(new RadiogramInput(in.name(), r));
    }
    return out;
  }
}
