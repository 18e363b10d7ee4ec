package org.shifrovka.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.shifrovka.scenario.Scenario1949;
import org.shifrovka.sim.fault.Decisions;

/**
 * Makes test traffic: short messages of 12-40 words drawn from the 1949 message (so every word is
 * in the codebook), as a pure function of the seed-free inputs.
 */
public final class MessageGenerator {
  private static final String[] WORDS = Scenario1949.message()
      .replaceAll("[^A-Za-z ]", " ").trim().split(" +");

  private MessageGenerator() {}

  /**
   * Returns {@code count} messages filed {@code every} apart from {@code at}.
   *
   * @param from origin
   * @param to addressee
   * @param count how many
   * @param at the first filing time after the start
   * @param every the interval
   * @param salt varies the texts (for example a line number)
   */
  public static List<Topology.MessageSpec> generate(String from, String to, int count,
      Duration at, Duration every, long salt) {
    List<Topology.MessageSpec> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(new Topology.MessageSpec(from, to, text(salt, i), "<generated " + (i + 1) + ">",
          at.plus(every.multipliedBy(i))));
    }
    return out;
  }

  /** Returns the i-th generated text for a salt. */
  public static String text(long salt, int i) {
    long h = Decisions.mix(Decisions.mix(0x5EED, salt), i);
    int n = 12 + (int) Long.remainderUnsigned(h, 29);
    StringBuilder sb = new StringBuilder("Comrade Filippov, report " + (i + 1) + ".");
    for (int k = 0; k < n; k++) {
      h = Decisions.mix(h, k);
      sb.append(' ').append(WORDS[(int) Long.remainderUnsigned(h, WORDS.length)].toLowerCase(
          java.util.Locale.ROOT));
    }
    return sb.append('.').toString();
  }
}
