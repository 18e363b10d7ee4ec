package org.shifrovka.radio;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A receiving operator's request to repeat part of a radiogram's groups, by group number.
 *
 * <p>The documented repeat requests (reference section 4.4) are "repeat group N", "repeat all
 * after group N", "repeat all before group N" and "repeat text". They are keyed here with the
 * international service abbreviations RPT, AA and AB written in Cyrillic letters of the same
 * Morse, in the way ЩТЦ stands for QTC (inferred; no Soviet written form was found):
 * <pre>
 *   РПТ 17        repeat group 17
 *   РПТ АА 17     repeat all after group 17
 *   РПТ АБ 17     repeat all before group 17
 *   РПТ ТЕКСТ     repeat the whole text
 * </pre>
 * Groups are numbered from 1, as an operator counts them. {@link #parse} accepts exactly what
 * {@link #render} writes: single spaces, Cyrillic letters, a number 1 to 9999 without leading
 * zeros.
 *
 * <p>Instances are immutable value objects.
 */
public final class RepeatRequest {

  /** Which part of the groups a request covers. */
  public enum Kind {
    /** One group. */
    GROUP,
    /** Every group after the given one. */
    ALL_AFTER,
    /** Every group before the given one. */
    ALL_BEFORE,
    /** Every group. */
    TEXT
  }

  private static final String REPEAT = "РПТ";
  private static final String ALL_AFTER = "АА";
  private static final String ALL_BEFORE = "АБ";
  private static final String TEXT = "ТЕКСТ";
  private static final int MAX_GROUP_NUMBER = 9999;

  private final Kind kind;
  private final int groupNumber;

  private RepeatRequest(Kind kind, int groupNumber) {
    this.kind = kind;
    this.groupNumber = groupNumber;
  }

  /**
   * Asks for one group again.
   *
   * @param groupNumber the group, 1 to 9999
   * @return the request
   */
  public static RepeatRequest group(int groupNumber) {
    return new RepeatRequest(Kind.GROUP, checkNumber(groupNumber, 1));
  }

  /**
   * Asks for every group after a given one.
   *
   * @param groupNumber the last group not wanted, 1 to 9999
   * @return the request
   */
  public static RepeatRequest allAfter(int groupNumber) {
    return new RepeatRequest(Kind.ALL_AFTER, checkNumber(groupNumber, 1));
  }

  /**
   * Asks for every group before a given one.
   *
   * @param groupNumber the first group not wanted, 2 to 9999
   * @return the request
   */
  public static RepeatRequest allBefore(int groupNumber) {
    return new RepeatRequest(Kind.ALL_BEFORE, checkNumber(groupNumber, 2));
  }

  /**
   * Asks for every group.
   *
   * @return the request
   */
  public static RepeatRequest wholeText() {
    return new RepeatRequest(Kind.TEXT, 0);
  }

  /**
   * Returns the fewest requests that make the sender repeat exactly the given groups and no
   * others (inferred criterion: nothing is keyed twice that was read well, and the request line
   * is as short as that allows). A run of suspect groups touching the first group becomes
   * "all before", one touching the last becomes "all after", all groups become "text", and
   * every other suspect group gets a request of its own. A run of one group is always asked for
   * as a single group.
   *
   * @param groupNumbers the groups to have repeated, each 1 to {@code groupCount}
   * @param groupCount how many groups the radiogram has
   * @return the requests in group order; empty if nothing is to be repeated
   * @throws IllegalArgumentException if a group number is out of range
   */
  public static List<RepeatRequest> covering(Collection<Integer> groupNumbers, int groupCount) {
    Objects.requireNonNull(groupNumbers, "groupNumbers");
    TreeSet<Integer> wanted = new TreeSet<>(groupNumbers);
    if (!wanted.isEmpty() && (wanted.first() < 1 || wanted.last() > groupCount)) {
      throw new IllegalArgumentException(
          "group numbers must be 1 to " + groupCount + " but were " + wanted);
    }
    List<RepeatRequest> requests = new ArrayList<>();
    Integer start = wanted.isEmpty() ? null : wanted.first();
    while (start != null) {
      int end = start;
      while (wanted.contains(end + 1)) {
        end++;
      }
      if (start == 1 && end == groupCount && end > start) {
        requests.add(wholeText());
      } else if (start == 1 && end > start) {
        requests.add(allBefore(end + 1));
      } else if (end == groupCount && end > start) {
        requests.add(allAfter(start - 1));
      } else {
        for (int g = start; g <= end; g++) {
          requests.add(group(g));
        }
      }
      start = wanted.higher(end);
    }
    return List.copyOf(requests);
  }

  /**
   * Reads a request line as {@link #render()} writes it.
   *
   * @param line the request, e.g. {@code "РПТ АА 17"}
   * @return the request
   * @throws RadioFormatException if the line deviates from the form in any way; the message and
   *     {@link RadioFormatException#column()} name the first offending column
   */
  public static RepeatRequest parse(String line) throws RadioFormatException {
    Objects.requireNonNull(line, "line");
    ServiceLine in = new ServiceLine(line, "repeat request");
    in.expect(REPEAT);
    in.expect(" ");
    if (in.startsWith(TEXT)) {
      in.expect(TEXT);
      in.expectEnd();
      return wholeText();
    }
    Kind kind = Kind.GROUP;
    if (in.startsWith(ALL_AFTER)) {
      in.expect(ALL_AFTER + " ");
      kind = Kind.ALL_AFTER;
    } else if (in.startsWith(ALL_BEFORE)) {
      in.expect(ALL_BEFORE + " ");
      kind = Kind.ALL_BEFORE;
    } else if (!in.atDigit()) {
      throw in.error("a group number, " + ALL_AFTER + ", " + ALL_BEFORE + " or " + TEXT);
    }
    int column = in.column();
    int number = in.number(MAX_GROUP_NUMBER);
    in.expectEnd();
    if (kind == Kind.ALL_BEFORE && number < 2) {
      throw new RadioFormatException(
          "\"" + line + "\": all before group 1 covers no group (column " + column + ")", column);
    }
    return new RepeatRequest(kind, number);
  }

  /**
   * Returns which part of the groups this request covers.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns the group number the request names.
   *
   * @return the number, or 0 for {@link Kind#TEXT}
   */
  public int groupNumber() {
    return groupNumber;
  }

  /**
   * Returns the groups this request covers in a radiogram of a given length.
   *
   * @param groupCount how many groups the radiogram has
   * @return the 1-based group numbers in order; empty for "all after" the last group
   * @throws IllegalArgumentException if the request names a group beyond {@code groupCount}
   */
  public List<Integer> groupNumbers(int groupCount) {
    int limit = kind == Kind.ALL_BEFORE ? groupCount + 1 : groupCount;
    if (groupNumber > limit) {
      throw new IllegalArgumentException(
          render() + " names a group beyond the " + groupCount + " groups of the radiogram");
    }
    int from;
    int to;
    switch (kind) {
      case GROUP:
        from = groupNumber;
        to = groupNumber;
        break;
      case ALL_AFTER:
        from = groupNumber + 1;
        to = groupCount;
        break;
      case ALL_BEFORE:
        from = 1;
        to = groupNumber - 1;
        break;
      default:
        from = 1;
        to = groupCount;
        break;
    }
    List<Integer> numbers = new ArrayList<>();
    for (int g = from; g <= to; g++) {
      numbers.add(g);
    }
    return List.copyOf(numbers);
  }

  /**
   * Writes the request as keyed.
   *
   * @return e.g. {@code "РПТ АБ 4"}
   */
  public String render() {
    switch (kind) {
      case GROUP:
        return REPEAT + " " + groupNumber;
      case ALL_AFTER:
        return REPEAT + " " + ALL_AFTER + " " + groupNumber;
      case ALL_BEFORE:
        return REPEAT + " " + ALL_BEFORE + " " + groupNumber;
      default:
        return REPEAT + " " + TEXT;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RepeatRequest other
        && kind == other.kind
        && groupNumber == other.groupNumber;
  }

  @Override
  public int hashCode() {
    return 31 * kind.hashCode() + groupNumber;
  }

  @Override
  public String toString() {
    return "RepeatRequest[" + render() + "]";
  }

  private static int checkNumber(int groupNumber, int min) {
    if (groupNumber < min || groupNumber > MAX_GROUP_NUMBER) {
      throw new IllegalArgumentException(
          "group number must be " + min + " to " + MAX_GROUP_NUMBER + " but was " + groupNumber);
    }
    return groupNumber;
  }
}
