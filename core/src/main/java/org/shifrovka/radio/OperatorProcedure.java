package org.shifrovka.radio;

import java.util.List;
import java.util.Objects;

/**
 * How a Soviet radio operator puts a radiogram on the air, written out as the text he keys.
 *
 * <p>Service signals are written in Cyrillic letters whose Morse equals the international ones
 * (reference section 4.2): ЖЖЖ = VVV, ДЕ = DE, ЩТЦ = QTC, К = K. A radiogram goes out as
 * <pre>
 *   ЖЖЖ РАМ РАМ РАМ ДЕ ЛИС ЛИС ЩТЦ К          call: called station ×3, own ×2, "I have traffic"
 *   15 312 13 1640 СРОЧНАЯ =                  the clear header, closed by the break sign
 *   37584 41652 93176 49706 58737 ...         the groups, ten to a line
 *   = К                                       break sign and invitation to transmit
 * </pre>
 * The call follows the documented later Soviet form (reference section 4.4). The rest is
 * (inferred): the header-then-groups grammar follows the documented manual sample
 * ({@code ... 149 19 18 0241 149 = 24851 ...}) on the assumption that a 1949 link used it too;
 * the answer of the called station between call and text is not shown; ten groups a line is a
 * layout choice (line breaks are word gaps on the air); and the radiogram ends with
 * {@code = К} so that the receiver replies with a receipt or a repeat request ({@link Receipt},
 * {@link RepeatRequest}), rather than with the end-of-work signal, which closes the whole
 * contact.
 *
 * <p>Key the result with {@link MorseCodec#russian()}.
 */
public final class OperatorProcedure {

  private static final int GROUPS_PER_LINE = 10;
  private static final int GROUP_LENGTH = 5;
  private static final MorseCodec RUSSIAN = MorseCodec.russian();

  private OperatorProcedure() {}

  /**
   * Writes a radiogram as keyed on the air.
   *
   * @param calledStation the call sign of the receiving station, Cyrillic letters and digits
   * @param ownStation the call sign of the sending station, Cyrillic letters and digits
   * @param header the clear header line, e.g. {@code "15 312 13 1640 СРОЧНАЯ"}: number, group
   *     count, day, time, urgency; anything the Russian table can key except {@code =}
   * @param groups the five-digit groups, at least one
   * @return the on-air text, lines separated by {@code '\n'}
   * @throws RadioFormatException if a call sign, the header or a group holds a character that
   *     does not belong there; the message names the part and the column within it
   */
  public static String radiogram(
      String calledStation, String ownStation, String header, List<String> groups)
      throws RadioFormatException {
    checkCallSign("called station", calledStation);
    checkCallSign("own station", ownStation);
    checkHeader(header);
    Objects.requireNonNull(groups, "groups");
    if (groups.isEmpty()) {
      throw new IllegalArgumentException("a radiogram needs at least one group");
    }
    StringBuilder text = new StringBuilder("ЖЖЖ");
    for (int i = 0; i < 3; i++) {
      text.append(' ').append(calledStation);
    }
    text.append(" ДЕ");
    for (int i = 0; i < 2; i++) {
      text.append(' ').append(ownStation);
    }
    text.append(" ЩТЦ К\n").append(header).append(" =\n");
    for (int g = 0; g < groups.size(); g++) {
      text.append(checkGroup(groups.get(g), g));
      text.append((g + 1) % GROUPS_PER_LINE == 0 || g + 1 == groups.size() ? '\n' : ' ');
    }
    return text.append("= К").toString();
  }

  /**
   * Writes a {@link org.shifrovka.telegram.Radiogram} as keyed on the air: its header and its
   * groups, between the call and the end signal.
   *
   * @throws RadioFormatException if a call sign holds a character the Russian table cannot key
   */
  public static String radiogram(String calledStation, String ownStation,
      org.shifrovka.telegram.Radiogram radiogram) throws RadioFormatException {
    String header = radiogram.header();
    return radiogram(calledStation, ownStation, header.substring(0, header.length() - 2),
        radiogram.groups());
  }

  private static void checkCallSign(String what, String callSign) throws RadioFormatException {
    Objects.requireNonNull(callSign, what);
    if (callSign.isEmpty()) {
      throw new RadioFormatException(what + " call sign is empty", 1);
    }
    for (int i = 0; i < callSign.length(); i++) {
      char c = callSign.charAt(i);
      boolean cyrillic = c >= 'А' && c <= 'Я';
      boolean digit = c >= '0' && c <= '9';
      if (!cyrillic && !digit) {
        throw new RadioFormatException(
            String.format(
                "%s call sign \"%s\" has '%s' at column %d; only capital Cyrillic letters А-Я"
                    + " and digits are allowed",
                what, callSign, c, i + 1),
            i + 1);
      }
    }
  }

  private static void checkHeader(String header) throws RadioFormatException {
    Objects.requireNonNull(header, "header");
    if (header.isBlank()) {
      throw new RadioFormatException("header is empty", 1);
    }
    for (int i = 0; i < header.length(); i++) {
      char c = header.charAt(i);
      if (c == '=' || (Character.isWhitespace(c) && c != ' ')) {
        throw new RadioFormatException(
            String.format(
                "header \"%s\" has %s at column %d; the header is one line without '='",
                header, c == '=' ? "'='" : String.format("U+%04X", (int) c), i + 1),
            i + 1);
      }
    }
    try {
      RUSSIAN.encode(header);
    } catch (RadioFormatException e) {
      throw new RadioFormatException("header \"" + header + "\": " + e.messageWithColumn(),
          e.column());
    }
  }

  private static String checkGroup(String group, int index) throws RadioFormatException {
    Objects.requireNonNull(group, "group");
    for (int i = 0; i < group.length(); i++) {
      char c = group.charAt(i);
      if (c < '0' || c > '9') {
        throw new RadioFormatException(
            String.format("group %d \"%s\" has '%s' at column %d", index + 1, group, c, i + 1),
            i + 1);
      }
    }
    if (group.length() != GROUP_LENGTH) {
      throw new RadioFormatException(
          String.format(
              "group %d \"%s\" has %d digits instead of five", index + 1, group, group.length()),
          Math.min(group.length(), GROUP_LENGTH) + 1);
    }
    return group;
  }
}
