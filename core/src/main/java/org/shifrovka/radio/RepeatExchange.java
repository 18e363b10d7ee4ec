package org.shifrovka.radio;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The exchange of repeats between two stations until the receiver holds a clean copy: send,
 * read, ask for the suspect groups, send them again, and so on.
 *
 * <p>The first transmission is attempt 0. After it, each round asks for the suspect groups with
 * the fewest requests ({@link ReceivedCopy#repeatRequests()}); the sender answers every request
 * as a transmission of its own (inferred), garbled by the same {@link SymbolErrorModel} under the
 * next attempt number (1, 2, 3, ... across all rounds). The exchange ends when the copy is clean
 * or after a maximum number of rounds.
 *
 * <p>A clean copy equals the sent groups when the model {@linkplain
 * SymbolErrorModel#isDetectable() is detectable}; otherwise undetected substitutions may remain.
 *
 * <p>Instances are immutable.
 */
public final class RepeatExchange {

  private final ReceivedCopy first;
  private final ReceivedCopy copy;
  private final int rounds;
  private final List<RepeatRequest> requests;

  private RepeatExchange(ReceivedCopy first, ReceivedCopy copy, int rounds,
      List<RepeatRequest> requests) {
    this.first = first;
    this.copy = copy;
    this.rounds = rounds;
    this.requests = List.copyOf(requests);
  }

  /**
   * Sends groups through an error model and repeats suspect groups until the copy is clean.
   *
   * @param sentGroups the five-digit groups of the radiogram, at least one
   * @param telegramNumber the telegram's number, part of the random key
   * @param model the error model of the link
   * @param maxRounds how many rounds of repeat requests at most, 0 or more
   * @return the outcome
   * @throws IllegalArgumentException if a group is not five digits or {@code maxRounds} is
   *     negative
   */
  public static RepeatExchange run(
      List<String> sentGroups, long telegramNumber, SymbolErrorModel model, int maxRounds) {
    Objects.requireNonNull(sentGroups, "sentGroups");
    Objects.requireNonNull(model, "model");
    if (sentGroups.isEmpty()) {
      throw new IllegalArgumentException("a radiogram needs at least one group");
    }
    if (maxRounds < 0) {
      throw new IllegalArgumentException("max rounds must not be negative but was " + maxRounds);
    }
    DigitKeying keying = model.digitKeying();
    int attempt = 0;
    ReceivedCopy copy =
        ReceivedCopy.read(
            model.garble(sentGroups, telegramNumber, attempt), sentGroups.size(), keying);
    ReceivedCopy first = copy;
    List<RepeatRequest> asked = new ArrayList<>();
    int rounds = 0;
    while (!copy.isClean() && rounds < maxRounds) {
      rounds++;
      for (RepeatRequest request : copy.repeatRequests()) {
        List<String> repeated = new ArrayList<>();
        for (int number : request.groupNumbers(sentGroups.size())) {
          repeated.add(sentGroups.get(number - 1));
        }
        attempt++;
        copy = copy.withRepeat(request, model.garble(repeated, telegramNumber, attempt), keying);
        asked.add(request);
      }
    }
    return new RepeatExchange(first, copy, rounds, asked);
  }

  /**
   * Returns the receiver's copy of the first transmission, before any repeat.
   *
   * @return the first copy
   */
  public ReceivedCopy firstCopy() {
    return first;
  }

  /**
   * Returns the receiver's copy at the end of the exchange.
   *
   * @return the copy, clean unless the rounds ran out
   */
  public ReceivedCopy copy() {
    return copy;
  }

  /**
   * Returns how many rounds of repeat requests were needed.
   *
   * @return 0 if the first transmission was read clean
   */
  public int rounds() {
    return rounds;
  }

  /**
   * Returns every request the receiver sent, in order.
   *
   * @return the requests
   */
  public List<RepeatRequest> requests() {
    return requests;
  }

  @Override
  public String toString() {
    return "RepeatExchange[" + rounds + " rounds, " + requests.size() + " requests, " + copy + "]";
  }
}
