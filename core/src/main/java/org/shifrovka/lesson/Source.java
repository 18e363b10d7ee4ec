package org.shifrovka.lesson;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where an explanation's history comes from: a section of the project's reference on period
 * telegraphy ({@code period-telegraphy.md}) and the keys of the sources that section cites
 * ({@code SMITHSONIAN}, {@code BLUM-P5}, ...), listed in its section 9.
 *
 * @param section the section, for example {@code §2.1}
 * @param keys the source keys, possibly none when the section itself is the reasoning
 */
public record Source(String section, List<String> keys) {
  private static final Pattern SECTION = Pattern.compile("§[0-9]+(\\.[0-9]+)?");

  /** Validates and copies. */
  public Source {
    Objects.requireNonNull(section, "section");
    if (!SECTION.matcher(section).matches()) {
      throw new IllegalArgumentException("a section is written §N or §N.M, not " + section);
    }
    keys = List.copyOf(keys);
  }

  /**
   * Returns a source.
   *
   * @param section for example {@code §2.1}
   * @param keys the source keys
   * @return the source
   */
  public static Source of(String section, String... keys) {
    return new Source(section, List.of(keys));
  }

  /**
   * Returns the source as cited in text: {@code §2.1 (SMITHSONIAN, VENONA-RU-BOOK)}.
   *
   * @return the citation
   */
  public String cite() {
    return keys.isEmpty() ? section : section + " (" + String.join(", ", keys) + ")";
  }
}
