package org.shifrovka.lesson;

import java.util.List;
import java.util.Objects;

/**
 * What a stage of a walkthrough takes in or gives out, as structured data a renderer can lay out:
 * a text, a row of groups, a table, named fields, or keyed Morse. Every value has a short label
 * ("The message", "Pad sheet 1") for the renderer to show above it.
 *
 * <p>All values are immutable; their lists are copied.
 */
public sealed interface Value {

  /**
   * Returns the label to show above the value.
   *
   * @return the label, never empty
   */
  String label();

  /**
   * Returns the kind as the JSON format names it: {@code text}, {@code groups}, {@code table},
   * {@code fields} or {@code morse}.
   *
   * @return the kind
   */
  String kind();

  /**
   * A text: a message, its telegraphese, an archival copy.
   *
   * @param label what the text is
   * @param text the text; lines separated by {@code \n}
   */
  record Text(String label, String text) implements Value {
    /** Validates the value. */
    public Text {
      label = checkLabel(label);
      Objects.requireNonNull(text, "text");
    }

    @Override
    public String kind() {
      return "text";
    }
  }

  /**
   * A row of code or cipher groups, each with what it stands for and how it is marked.
   *
   * @param label what the groups are
   * @param groups the groups in order
   */
  record Groups(String label, List<Group> groups) implements Value {
    /** Validates and copies. */
    public Groups {
      label = checkLabel(label);
      groups = List.copyOf(groups);
    }

    @Override
    public String kind() {
      return "groups";
    }

    /**
     * Returns the digits of every group, in order.
     *
     * @return the digits
     */
    public List<String> digits() {
      return groups.stream().map(Group::digits).toList();
    }
  }

  /**
   * One group of a {@link Groups} value.
   *
   * @param digits the digits as written (a code group, a spelled run, a 5-digit group); a
   *     garbled group may hold {@code ?} for digits not read
   * @param meaning what the group stands for (a word, a phrase, "indicator"), or null
   * @param mark how a renderer marks it
   */
  record Group(String digits, String meaning, Mark mark) {
    /** Validates the group. */
    public Group {
      Objects.requireNonNull(digits, "digits");
      Objects.requireNonNull(mark, "mark");
      if (digits.isEmpty()) {
        throw new IllegalArgumentException("a group needs digits");
      }
    }

    /**
     * Returns a plain group with no meaning shown.
     *
     * @param digits the digits
     * @return the group
     */
    public static Group plain(String digits) {
      return new Group(digits, null, Mark.PLAIN);
    }
  }

  /** How a group is marked. Renderers show every mark by a symbol too, never by colour alone. */
  enum Mark {
    /** An ordinary group. */
    PLAIN("plain", ' '),
    /** A word spelled letter by letter between SPELL and END SPELL. */
    SPELLED("spelled", '~'),
    /** A group that steers the code (part, paragraph, null). */
    SPECIAL("special", '^'),
    /** The pad sheet's indicator, sent in clear. */
    INDICATOR("indicator", '#'),
    /** The end group: the next pad group after the text. */
    END("end", '$'),
    /** The serial/date group. */
    SERIAL("serial", '@'),
    /** A group the receiver could not read or that breaks the Morse. */
    GARBLED("garbled", '*'),
    /** A group the receiver asked for again and now holds as repeated. */
    REPEATED("repeated", '+'),
    /** Filler digits that complete the last group and read as nothing. */
    FILL("fill", '_');

    private final String id;
    private final char symbol;

    Mark(String id, char symbol) {
      this.id = id;
      this.symbol = symbol;
    }

    /**
     * Returns the name the JSON format uses.
     *
     * @return for example {@code indicator}
     */
    public String id() {
      return id;
    }

    /**
     * Returns the symbol a text renderer writes after a marked group (a space for plain).
     *
     * @return the symbol
     */
    public char symbol() {
      return symbol;
    }
  }

  /**
   * A table: the additive worked column by column, the spell table's letters, the register.
   *
   * @param label what the table shows
   * @param columns the column headings
   * @param rows the rows, each as long as {@code columns}
   */
  record Table(String label, List<String> columns, List<List<String>> rows) implements Value {
    /** Validates and copies. */
    public Table {
      label = checkLabel(label);
      columns = List.copyOf(columns);
      rows = rows.stream().map(List::copyOf).toList();
      for (List<String> row : rows) {
        if (row.size() != columns.size()) {
          throw new IllegalArgumentException("a row of " + row.size() + " cells in a table of "
              + columns.size() + " columns");
        }
      }
    }

    @Override
    public String kind() {
      return "table";
    }
  }

  /**
   * Named fields: a radiogram header, the link's error model, a message's numbers.
   *
   * @param label what the fields describe
   * @param fields the fields in order
   */
  record Fields(String label, List<Field> fields) implements Value {
    /** Validates and copies. */
    public Fields {
      label = checkLabel(label);
      fields = List.copyOf(fields);
    }

    @Override
    public String kind() {
      return "fields";
    }
  }

  /**
   * One field of a {@link Fields} value.
   *
   * @param name the field's name, for example {@code group count}
   * @param value its value as written
   * @param meaning what it means, in a few words
   */
  record Field(String name, String value, String meaning) {
    /** Validates the field. */
    public Field {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(meaning, "meaning");
    }
  }

  /**
   * Text as keyed in Morse.
   *
   * @param label what was keyed
   * @param text the text keyed, lines separated by {@code \n}
   * @param morse the dots and dashes, lines separated by {@code \n}
   * @param wpm the keying speed in words per minute (PARIS)
   * @param seconds the keying time of the whole text at that speed
   */
  record Morse(String label, String text, String morse, int wpm, double seconds) implements Value {
    /** Validates the value. */
    public Morse {
      label = checkLabel(label);
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(morse, "morse");
      if (wpm < 1 || seconds < 0) {
        throw new IllegalArgumentException("wpm must be positive and seconds not negative");
      }
    }

    @Override
    public String kind() {
      return "morse";
    }
  }

  private static String checkLabel(String label) {
    Objects.requireNonNull(label, "label");
    if (label.isBlank()) {
      throw new IllegalArgumentException("a value needs a label");
    }
    return label;
  }
}
