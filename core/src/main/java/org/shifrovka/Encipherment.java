package org.shifrovka;

import java.util.List;
import org.shifrovka.codebook.CodeText;
import org.shifrovka.pad.SheetRun;
import org.shifrovka.telegram.Telegram;
import org.shifrovka.text.TelegraphText;

/**
 * What enciphering a message produced, stage by stage: the canonical text, its code, and for each
 * part the regrouped code groups, the pad sheets used and the finished telegram. Teachers show the
 * stages; most callers need only {@link #telegrams()}.
 *
 * @param text the message in canonical telegraphese
 * @param code the whole message in code, before it was split into parts
 * @param parts the parts in order
 */
public record Encipherment(TelegraphText text, CodeText code, List<Part> parts) {

  /** Validates and copies. */
  public Encipherment {
    parts = List.copyOf(parts);
  }

  /** Returns the telegrams, one per part, in order. */
  public List<Telegram> telegrams() {
    return parts.stream().map(Part::telegram).toList();
  }

  /**
   * One part of the message.
   *
   * @param telegram the finished telegram
   * @param text the part of the canonical text it carries
   * @param codeGroups the 5-digit code groups before the pad was added (part preamble and filler
   *     included)
   * @param sheets the pad sheets it is enciphered on
   */
  public record Part(Telegram telegram, TelegraphText text, List<String> codeGroups,
      SheetRun sheets) {
    /** Copies the groups. */
    public Part {
      codeGroups = List.copyOf(codeGroups);
    }
  }
}
