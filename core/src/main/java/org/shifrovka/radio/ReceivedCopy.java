package org.shifrovka.radio;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The receiving operator's copy of a radiogram's groups: what could be read, with {@code ?} for
 * every figure that could not, and the numbers of the groups that are suspect.
 *
 * <h2>How groups are judged</h2>
 * A heard word is read pattern by pattern. A pattern that is no figure is written {@code ?}; a
 * word of other than five patterns, or an empty word (a group lost in a fade), is written
 * {@code ?????}. Such groups are suspect. If the number of heard words differs from the group
 * count declared in the header (reference section 3.4), the operator cannot tell where groups
 * were lost or gained, so every group is suspect; the words are written from the first group on
 * as far as they go (inferred).
 *
 * <p>A group read as five valid figures is taken as clean. It can still be wrong: a dit-dah swap
 * can turn one figure into another (see {@link SymbolErrorModel}), and nothing in the symbols or
 * the count reveals that. Only a repeat that reads differently does: when a repeat of a clean
 * group reads clean but different, the group becomes suspect again, with {@code ?} where the two
 * readings disagree. Suspect readings are not combined figure by figure; a suspect group is
 * replaced only by a clean repeat.
 *
 * <p>Groups are numbered from 1. Instances are immutable.
 */
public final class ReceivedCopy {

  private static final char UNREADABLE = '?';
  private static final String LOST = "?????";

  private final List<String> groups;
  private final List<Integer> suspects;

  private ReceivedCopy(List<String> groups, TreeSet<Integer> suspects) {
    this.groups = List.copyOf(groups);
    this.suspects = Collections.unmodifiableList(new ArrayList<>(suspects));
  }

  /**
   * Reads a heard Morse stream as a copy of a given number of five-digit groups.
   *
   * @param heardMorse the written Morse stream the operator heard, one word per group
   * @param declaredGroupCount the group count from the radiogram header, at least 1
   * @param keying how figures were keyed
   * @return the copy
   * @throws IllegalArgumentException if the stream holds anything but dots, dashes, spaces and
   *     word gaps, or the count is not positive
   */
  public static ReceivedCopy read(String heardMorse, int declaredGroupCount, DigitKeying keying) {
    Objects.requireNonNull(heardMorse, "heardMorse");
    Objects.requireNonNull(keying, "keying");
    if (declaredGroupCount < 1) {
      throw new IllegalArgumentException(
          "declared group count must be positive but was " + declaredGroupCount);
    }
    List<MorseTokens.Word> words;
    try {
      words = MorseTokens.words(MorseTokens.of(heardMorse));
    } catch (RadioFormatException e) {
      throw new IllegalArgumentException(e.messageWithColumn(), e);
    }
    List<String> groups = new ArrayList<>();
    TreeSet<Integer> suspects = new TreeSet<>();
    for (int g = 0; g < declaredGroupCount; g++) {
      String reading = g < words.size() ? readGroup(words.get(g), keying) : LOST;
      groups.add(reading);
      if (reading.indexOf(UNREADABLE) >= 0 || words.size() != declaredGroupCount) {
        suspects.add(g + 1);
      }
    }
    return new ReceivedCopy(groups, suspects);
  }

  private static String readGroup(MorseTokens.Word word, DigitKeying keying) {
    if (word.tokens().size() != SymbolErrorModel.GROUP_LENGTH) {
      return LOST;
    }
    StringBuilder group = new StringBuilder();
    for (MorseTokens.Token token : word.tokens()) {
      group.append(keying.digit(token.text()).orElse(UNREADABLE));
    }
    return group.toString();
  }

  /**
   * Returns the copy after a repeat has been heard: each repeated group that reads clean replaces
   * the old reading, unless the old one was clean too and differs, in which case the group turns
   * suspect; a repeated group that reads badly leaves the old reading as it was.
   *
   * @param request the request the sender answered
   * @param heardMorse what the operator heard of the repeat, one word per repeated group
   * @param keying how figures were keyed
   * @return the updated copy
   * @throws IllegalArgumentException if the request names groups beyond this copy or the stream
   *     is malformed
   */
  public ReceivedCopy withRepeat(RepeatRequest request, String heardMorse, DigitKeying keying) {
    Objects.requireNonNull(request, "request");
    List<Integer> numbers = request.groupNumbers(groups.size());
    if (numbers.isEmpty()) {
      return this;
    }
    ReceivedCopy repeat = read(heardMorse, numbers.size(), keying);
    List<String> updated = new ArrayList<>(groups);
    TreeSet<Integer> stillSuspect = new TreeSet<>(suspects);
    for (int j = 0; j < numbers.size(); j++) {
      int number = numbers.get(j);
      if (repeat.suspects.contains(j + 1)) {
        continue;
      }
      String reading = repeat.groups.get(j);
      String old = updated.get(number - 1);
      if (stillSuspect.contains(number) || old.equals(reading)) {
        updated.set(number - 1, reading);
        stillSuspect.remove(number);
      } else {
        updated.set(number - 1, disagreement(old, reading));
        stillSuspect.add(number);
      }
    }
    return new ReceivedCopy(updated, stillSuspect);
  }

  private static String disagreement(String first, String second) {
    StringBuilder merged = new StringBuilder();
    for (int i = 0; i < first.length(); i++) {
      merged.append(first.charAt(i) == second.charAt(i) ? first.charAt(i) : UNREADABLE);
    }
    return merged.toString();
  }

  /**
   * Returns the groups as read, with {@code ?} for unreadable figures.
   *
   * @return one five-character string per declared group, in order
   */
  public List<String> groups() {
    return groups;
  }

  /**
   * Returns the numbers of the suspect groups.
   *
   * @return 1-based group numbers in ascending order
   */
  public List<Integer> suspectGroupNumbers() {
    return suspects;
  }

  /**
   * Returns whether no group is suspect.
   *
   * @return {@code true} if every group reads as five figures and the count matched
   */
  public boolean isClean() {
    return suspects.isEmpty();
  }

  /**
   * Returns the fewest repeat requests that cover exactly the suspect groups.
   *
   * @return the requests, see {@link RepeatRequest#covering}
   */
  public List<RepeatRequest> repeatRequests() {
    return RepeatRequest.covering(suspects, groups.size());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReceivedCopy other
        && groups.equals(other.groups)
        && suspects.equals(other.suspects);
  }

  @Override
  public int hashCode() {
    return 31 * groups.hashCode() + suspects.hashCode();
  }

  @Override
  public String toString() {
    return "ReceivedCopy[" + groups.size() + " groups, suspect " + suspects + "]";
  }
}
