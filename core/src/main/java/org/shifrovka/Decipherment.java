package org.shifrovka;

import java.util.List;

/**
 * What deciphering a batch of radiograms produced: the reassembled messages and a report of
 * everything that went wrong (garbled or missing groups, missing or duplicated parts, unknown
 * indicators, a pad sheet seen twice).
 *
 * @param messages the messages, in the order their first part arrived
 * @param problems one line per problem, each naming the radiogram and, where it applies, the group
 */
public record Decipherment(List<ReceivedMessage> messages, List<String> problems) {

  /** Copies the lists. */
  public Decipherment {
    messages = List.copyOf(messages);
    problems = List.copyOf(problems);
  }

  /** Returns true if every message is complete and nothing went wrong. */
  public boolean clean() {
    return problems.isEmpty() && messages.stream().allMatch(ReceivedMessage::complete);
  }

  /** Returns the report: one line per problem, or {@code all telegrams deciphered cleanly}. */
  public String report() {
    if (problems.isEmpty()) {
      return "all telegrams deciphered cleanly\n";
    }
    StringBuilder sb = new StringBuilder();
    for (String p : problems) {
      sb.append(p).append('\n');
    }
    return sb.toString();
  }
}
