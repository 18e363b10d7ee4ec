package org.shifrovka.cli.command;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.shifrovka.codebook.CodebookStyle;
import org.shifrovka.telegram.Precedence;
import org.shifrovka.text.Language;
import picocli.CommandLine.ITypeConverter;

/** Type converters and completion candidates for option values; a bad value is a usage error. */
final class Converters {
  private Converters() {}

  /** {@code ru} or {@code en}. */
  static final class LanguageValues extends Values<Language> {
    LanguageValues() {
      super(Language::of, "ru", "en");
    }
  }

  /** {@code two-part} or {@code one-part}. */
  static final class StyleValues extends Values<CodebookStyle> {
    StyleValues() {
      super(CodebookStyle::ofLabel, "two-part", "one-part");
    }
  }

  /** {@code ordinary}, {@code urgent}, {@code out-of-turn} or {@code flash}. */
  static final class PrecedenceValues extends Values<Precedence> {
    PrecedenceValues() {
      super(Precedence::of, "ordinary", "urgent", "out-of-turn", "flash");
    }
  }

  /** A time-zone id such as {@code Asia/Shanghai}. */
  static final class ZoneConverter implements ITypeConverter<ZoneId> {
    @Override
    public ZoneId convert(String value) {
      try {
        return ZoneId.of(value);
      } catch (DateTimeException e) {
        throw new IllegalArgumentException("unknown time zone \"" + value
            + "\" (expected an id such as Asia/Shanghai or Europe/Moscow)");
      }
    }
  }

  /**
   * An ISO date-time: {@code 1949-01-13T21:40} (local to a station), or with an offset or zone,
   * {@code 1949-01-13T21:40+08:00} or {@code 1949-01-13T21:40+08:00[Asia/Shanghai]}.
   */
  static final class DateTimeConverter implements ITypeConverter<DateTimeArg> {
    @Override
    public DateTimeArg convert(String value) {
      try {
        return new DateTimeArg(null,
            ZonedDateTime.parse(value, DateTimeFormatter.ISO_ZONED_DATE_TIME));
      } catch (DateTimeParseException e) {
        // not zoned: try local
      }
      try {
        return new DateTimeArg(LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME),
            null);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("\"" + value + "\" is not an ISO date-time such as"
            + " 1949-01-13T21:40 or 1949-01-13T21:40+08:00");
      }
    }
  }

  /**
   * A {@code --date} value: either a local date-time (zoned later, by the station it belongs to)
   * or a zoned one.
   */
  record DateTimeArg(LocalDateTime local, ZonedDateTime zoned) {
    /** Returns the instant, reading a local date-time in {@code zone}. */
    ZonedDateTime in(ZoneId zone) {
      return zoned != null ? zoned : local.atZone(zone);
    }
  }

  /** A fixed list of completion candidates. */
  abstract static class Candidates implements Iterable<String> {
    private final List<String> values;

    Candidates(String... values) {
      this.values = List.of(values);
    }

    @Override
    public java.util.Iterator<String> iterator() {
      return values.iterator();
    }
  }

  /**
   * An option's fixed set of values: both its converter (by {@code parse}, which rejects a bad
   * value with an {@link IllegalArgumentException}) and its completion candidates.
   */
  abstract static class Values<T> extends Candidates implements ITypeConverter<T> {
    private final Function<String, T> parse;

    Values(Function<String, T> parse, String... values) {
      super(values);
      this.parse = parse;
    }

    @Override
    public T convert(String value) {
      return parse.apply(value);
    }
  }

  /**
   * Returns the enum constant whose {@link #label} is {@code value}, in any case.
   *
   * @throws IllegalArgumentException naming the value and the labels expected
   */
  static <E extends Enum<E>> E byLabel(Class<E> type, String value) {
    for (E e : type.getEnumConstants()) {
      if (label(e).equalsIgnoreCase(value)) {
        return e;
      }
    }
    List<String> labels = new java.util.ArrayList<>();
    for (E e : type.getEnumConstants()) {
      labels.add(label(e));
    }
    throw new IllegalArgumentException("unknown value \"" + value + "\" (expected "
        + String.join(", ", labels) + ")");
  }

  /** Returns the lower-case, dashed name of an enum constant: {@code OUT_OF_TURN} -> {@code out-of-turn}. */
  static String label(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
