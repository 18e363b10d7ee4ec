package org.shifrovka.cli;

import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.shifrovka.MalformedInputException;
import org.shifrovka.fuzz.Mutations;

/**
 * The JSON form of telegrams ({@code encode --format json}, read back by {@code decode}), fed
 * mutated input (see {@link Mutations}): refused with a {@link MalformedInputException} or read,
 * nothing else.
 */
class JsonFuzzTest {
  @Property
  void telegramsJson(@ForAll("telegrams") byte[] input) {
    Mutations.parse(input, b -> Json.parseTelegrams(CliIo.decode(b, "fuzz.json"), "fuzz.json"),
        Set.of(MalformedInputException.class));
  }

  @Provide
  Arbitrary<byte[]> telegrams() {
    return Mutations.of(List.of(Mutations.corpus("telegrams.json")));
  }
}
