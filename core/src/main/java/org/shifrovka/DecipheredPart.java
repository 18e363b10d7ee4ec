package org.shifrovka;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.shifrovka.telegram.ArchivalCopy;

/**
 * What deciphering one radiogram on its own produced ({@link CipherOffice#decipherPart}): its
 * archival copy, which says which part of which message it is, and a report of what went wrong.
 *
 * @param copy the archival copy; empty if the radiogram could not be deciphered at all (too
 *     short, its indicator garbled or not in the pad book)
 * @param problems one line per problem, each naming the radiogram and, where it applies, the group
 */
public record DecipheredPart(Optional<ArchivalCopy> copy, List<String> problems) {

  /** Checks the copy and copies the list. */
  public DecipheredPart {
    Objects.requireNonNull(copy, "copy");
    problems = List.copyOf(problems);
  }
}
