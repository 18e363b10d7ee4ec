package org.shifrovka;

import java.util.List;
import org.shifrovka.telegram.ArchivalCopy;
import org.shifrovka.text.TelegraphText;

/**
 * A message as the receiving office reassembled it from its parts.
 *
 * @param sender the sending station's cover name
 * @param firstSerial the sender's serial of part 1
 * @param parts how many parts the message has
 * @param text the text of the parts received, in order; a missing part appears as
 *     {@code [part k missing]}, garbled groups as {@code [n groups garbled]}
 * @param copies the archival copies of the parts received, in part order
 * @param missingParts the numbers of the parts not received
 * @param garbledGroups the number of cipher groups that spoiled text, over all parts
 */
public record ReceivedMessage(String sender, int firstSerial, int parts, TelegraphText text,
    List<ArchivalCopy> copies, List<Integer> missingParts, int garbledGroups) {

  /** Copies the lists. */
  public ReceivedMessage {
    copies = List.copyOf(copies);
    missingParts = List.copyOf(missingParts);
  }

  /** Returns true if every part arrived and no group was garbled. */
  public boolean complete() {
    return missingParts.isEmpty() && garbledGroups == 0;
  }
}
