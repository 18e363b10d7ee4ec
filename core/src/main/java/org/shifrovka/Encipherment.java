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
   * One part of the message: the finished telegram, the part of the canonical text it carries, the
   * 5-digit code groups before the pad was added (part preamble and filler included), and the pad
   * sheets it is enciphered on.
   */
  public static final class Part {
    private final Telegram telegram;
    private final TelegraphText text;
    private final byte[] codeDigits;
    private final SheetRun sheets;
    private List<String> codeGroups; // made on first request: most callers never ask

    Part(Telegram telegram, TelegraphText text, byte[] codeDigits, SheetRun sheets) {
      this.telegram = telegram;
      this.text = text;
      this.codeDigits = codeDigits;
      this.sheets = sheets;
    }

    /** Returns the finished telegram. */
    public Telegram telegram() {
      return telegram;
    }

    /** Returns the part of the canonical text this telegram carries. */
    public TelegraphText text() {
      return text;
    }

    /** Returns the 5-digit code groups before the pad was added. */
    public List<String> codeGroups() {
      List<String> g = codeGroups;
      if (g == null) {
        g = List.copyOf(CipherOffice.groups(codeDigits, 0, codeDigits.length));
        codeGroups = g;
      }
      return g;
    }

    /** Returns the pad sheets the telegram is enciphered on. */
    public SheetRun sheets() {
      return sheets;
    }

    @Override
    public String toString() {
      return "Part[" + telegram + ", " + sheets + "]";
    }
  }
}
