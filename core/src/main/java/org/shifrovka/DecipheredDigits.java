package org.shifrovka;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What taking the pad off one radiogram of a bare digit stream produced
 * ({@link CipherOffice#decipherDigits}): the digits as the sending system wrote them, and a
 * report of what went wrong.
 *
 * @param digits the text digits, {@code 0}-{@code 9} and {@code ?} for a digit that could not be
 *     read; empty if the radiogram could not be deciphered at all (too short, its indicator
 *     garbled or not in the pad book)
 * @param problems one line per problem, each naming the radiogram and, where it applies, the group
 */
public record DecipheredDigits(Optional<String> digits, List<String> problems) {

  /** Checks the digits and copies the list. */
  public DecipheredDigits {
    Objects.requireNonNull(digits, "digits");
    problems = List.copyOf(problems);
  }

  /**
   * Returns whether the digits came back whole: no problem was found.
   *
   * @return true if clean
   */
  public boolean clean() {
    return digits.isPresent() && problems.isEmpty();
  }
}
