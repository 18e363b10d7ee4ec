package org.shifrovka.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.shifrovka.MalformedInputException;
import org.shifrovka.codebook.Codebook;
import org.shifrovka.cryptanalysis.InterceptFile;
import org.shifrovka.internal.StrictUtf8;
import org.shifrovka.pad.PadBook;
import org.shifrovka.pad.PadLedger;
import org.shifrovka.radio.RadioFormatException;
import org.shifrovka.radio.Receipt;
import org.shifrovka.radio.RepeatRequest;
import org.shifrovka.telegram.ArchivalCopy;
import org.shifrovka.telegram.Radiogram;

/**
 * Every parser of core's file formats, fed mutated files: it accepts them or refuses them with a
 * {@link MalformedInputException} (a {@link RadioFormatException} for radio procedure lines),
 * never another exception, never a hang. Inputs are read as the tools read files: strict UTF-8.
 */
class ParserFuzzTest {
  private static final Set<Class<? extends Exception>> USER_ERROR =
      Set.of(MalformedInputException.class);
  private static final Set<Class<? extends Exception>> RADIO_ERROR =
      Set.of(RadioFormatException.class);

  private static String text(byte[] input) throws MalformedInputException {
    return StrictUtf8.decode(input, "fuzz.txt");
  }

  @Property
  void codebook(@ForAll("codebooks") byte[] input) {
    Mutations.parse(input, b -> Codebook.parse(text(b), "fuzz.txt"), USER_ERROR);
  }

  @Property
  void pad(@ForAll("pads") byte[] input) {
    Mutations.parse(input, b -> PadBook.parse(text(b), "fuzz.txt"), USER_ERROR);
  }

  @Property
  void ledger(@ForAll("ledgers") byte[] input) {
    Mutations.parse(input, b -> {
      Path file = Files.createTempFile("fuzz-ledger", ".txt");
      try {
        Files.write(file, b);
        PadLedger.open(file, Clock.systemUTC()).usedSheets("71208");
      } finally {
        Files.deleteIfExists(file);
      }
    }, USER_ERROR);
  }

  @Property
  void radiograms(@ForAll("radiograms") byte[] input) {
    Mutations.parse(input, b -> Radiogram.parseAll(text(b), "fuzz.txt"), USER_ERROR);
  }

  @Property
  void archivalCopies(@ForAll("archivalCopies") byte[] input) {
    Mutations.parse(input, b -> ArchivalCopy.parseAll(text(b), "fuzz.txt"), USER_ERROR);
  }

  @Property
  void intercepts(@ForAll("intercepts") byte[] input) {
    Mutations.parse(input, b -> InterceptFile.parse(text(b), "fuzz.txt"), USER_ERROR);
  }

  @Property
  void radioProcedure(@ForAll("procedureLines") byte[] input) {
    Mutations.parse(input, b -> {
      String line = new String(b, UTF_8);
      try {
        Receipt.parse(line);
      } finally {
        RepeatRequest.parse(line);
      }
    }, RADIO_ERROR);
  }

  @Provide
  Arbitrary<byte[]> codebooks() {
    return Mutations.of(List.of(Mutations.corpus("codebook.txt")));
  }

  @Provide
  Arbitrary<byte[]> pads() {
    return Mutations.of(List.of(Mutations.corpus("pads.txt")));
  }

  @Provide
  Arbitrary<byte[]> ledgers() {
    return Mutations.of(List.of(Mutations.corpus("ledger.txt")));
  }

  @Provide
  Arbitrary<byte[]> radiograms() {
    return Mutations.of(List.of(Mutations.corpus("radiograms.txt")));
  }

  @Provide
  Arbitrary<byte[]> archivalCopies() {
    return Mutations.of(List.of(Mutations.corpus("archival.txt")));
  }

  @Provide
  Arbitrary<byte[]> intercepts() {
    return Mutations.of(List.of(Mutations.corpus("intercepts.txt")));
  }

  @Provide
  Arbitrary<byte[]> procedureLines() {
    return Mutations.of(List.of(Receipt.of(15).render().getBytes(UTF_8),
        RepeatRequest.group(3).render().getBytes(UTF_8),
        RepeatRequest.allAfter(12).render().getBytes(UTF_8),
        RepeatRequest.wholeText().render().getBytes(UTF_8)));
  }
}
