package org.shifrovka.telegram;

import java.time.Month;
import java.time.MonthDay;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shifrovka.MalformedInputException;

/**
 * The sender's closing line of a telegram: his own running number, his cover name and the date,
 * as in {@code No. 18 - TEREBIN - 14 January} (documented, reference 3.1).
 *
 * @param serial the sender's own running number for his outgoing telegrams
 * @param sender the sender's cover name
 * @param date the day and month, in the sender's local time
 */
public record ClosingLine(int serial, String sender, MonthDay date) {
  private static final Pattern FORM =
      Pattern.compile("No\\. ([0-9]{1,5}) - ([A-ZА-Я][A-ZА-Я0-9-]*) - ([0-9]{1,2}) ([A-Z][a-z]+)");

  /** Validates the line. */
  public ClosingLine {
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(date, "date");
    if (serial < 0 || serial > 99_999) {
      throw new IllegalArgumentException("serial must be 0-99999, got " + serial);
    }
  }

  /** Returns the line as typed: {@code No. 15 - TEREBIN - 13 January}. */
  public String render() {
    return "No. " + serial + " - " + sender + " - " + date.getDayOfMonth() + " "
        + date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }

  /**
   * Parses a closing line.
   *
   * @throws MalformedInputException if the line is not of the form {@code No. n - NAME - d Month}
   */
  public static ClosingLine parse(String line, String source, int lineNumber)
      throws MalformedInputException {
    Matcher m = FORM.matcher(line);
    if (!m.matches()) {
      throw new MalformedInputException(source, lineNumber, 1,
          "expected a closing line such as \"No. 15 - TEREBIN - 13 January\", found \"" + line
              + "\"");
    }
    Month month = null;
    for (Month mo : Month.values()) {
      if (mo.getDisplayName(TextStyle.FULL, Locale.ENGLISH).equals(m.group(4))) {
        month = mo;
      }
    }
    if (month == null) {
      throw new MalformedInputException(source, lineNumber, m.start(4) + 1, "unknown month \""
          + m.group(4) + "\"");
    }
    int day = Integer.parseInt(m.group(3));
    if (day < 1 || day > month.maxLength()) {
      throw new MalformedInputException(source, lineNumber, m.start(3) + 1, "no day " + day
          + " in " + m.group(4));
    }
    return new ClosingLine(Integer.parseInt(m.group(1)), m.group(2), MonthDay.of(month, day));
  }

  @Override
  public String toString() {
    return render();
  }
}
