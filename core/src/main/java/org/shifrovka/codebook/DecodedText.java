package org.shifrovka.codebook;

import java.util.List;
import org.shifrovka.text.TelegraphText;

/**
 * The result of decoding a code stream: the text, with gap markers where groups were garbled, the
 * part number if the stream opened with a part preamble, and what went wrong.
 *
 * @param text the decoded text in canonical form, gap markers included
 * @param part the part number from the preamble, or 0 if there was none (a single telegram)
 * @param parts the number of parts from the preamble, or 0 if there was none
 * @param garbledGroups how many cipher groups spoiled at least one code unit
 * @param problems human-readable notes, each naming the group where it applies
 */
public record DecodedText(TelegraphText text, int part, int parts, int garbledGroups,
    List<String> problems) {

  /** Returns true if nothing was garbled and nothing went wrong. */
  public boolean clean() {
    return garbledGroups == 0 && problems.isEmpty();
  }
}
