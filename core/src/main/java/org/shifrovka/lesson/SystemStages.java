package org.shifrovka.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.shifrovka.MalformedInputException;
import org.shifrovka.checkerboard.StraddlingCheckerboard;
import org.shifrovka.ctc.TelegraphCode;
import org.shifrovka.lesson.Value.Field;
import org.shifrovka.lesson.Value.Group;
import org.shifrovka.lesson.Value.Mark;
import org.shifrovka.transposition.ColumnarTransposition;
import org.shifrovka.transposition.DoubleTransposition;

/**
 * The stages of the systems other than the codebook ({@link SystemStageId}): the Chinese telegraph
 * code, the straddling checkerboard and the transpositions, each one way and back. Every value
 * comes from the system's own classes; nothing is computed a second time for display.
 */
final class SystemStages {
  private final StageWriter w;

  SystemStages(StageWriter w) {
    this.w = w;
  }

  void telegraphCode(TelegraphCode table, String message, int[] codes) {
    List<Group> groups = new ArrayList<>(codes.length);
    String chars = table.decode(codes);
    int at = 0;
    for (int code : codes) {
      int cp = chars.codePointAt(at);
      at += Character.charCount(cp);
      groups.add(new Group(TelegraphCode.formatGroup(code), new String(Character.toChars(cp)),
          Mark.PLAIN));
    }
    String first = groups.get(0).meaning();
    String firstCode = groups.get(0).digits();
    String name = table.table().name().toLowerCase(Locale.ROOT);
    w.add(SystemStageId.TELEGRAPH_CODE, "The Chinese telegraph code: four digits a character",
        SystemExplanations.telegraphCode(name, codes.length, first, firstCode),
        List.of(new Value.Text("The message in Chinese", message.strip())),
        List.of(new Value.Groups("Telegraph code groups (" + codes.length + ")", groups),
            new Value.Fields("The code book", List.of(
                new Field("table", name, "Unihan " + table.table().unihanField()),
                new Field("characters", String.valueOf(table.size()), "in this table"),
                new Field("Unicode", table.unicodeVersion(), "the data's version")))),
        List.of(Highlight.output(0, 0, first + " = page " + firstCode.substring(0, 2) + ", row "
            + firstCode.charAt(2) + ", column " + firstCode.charAt(3))));
  }

  void telegraphCodeRead(TelegraphCode table, String groupsText, String read, String sent) {
    List<Group> groups = new ArrayList<>();
    for (String g : groupsText.strip().split("\\s+")) {
      if (g.isEmpty()) {
        continue;
      }
      String meaning = null;
      if (g.length() == 4 && g.chars().allMatch(Character::isDigit)) {
        try {
          meaning = table.decodeGroups(g, "group");
        } catch (MalformedInputException e) {
          meaning = null;
        }
      }
      groups.add(new Group(g, meaning, meaning == null ? Mark.GARBLED : Mark.PLAIN));
    }
    boolean same = sent.equals(read);
    w.add(SystemStageId.TELEGRAPH_CODE_READ, "The telegraph code read back into characters",
        SystemExplanations.telegraphCodeRead(groups.size(), same),
        List.of(new Value.Groups("The deciphered groups", groups)),
        List.of(new Value.Text("The message as read", read == null ? "(unreadable)" : read),
            new Value.Fields("Check", List.of(new Field("same as sent", same ? "yes" : "no",
                "against the characters the clerk coded")))),
        List.of(Highlight.output(1, 0, "the test of the whole chain")));
  }

  void checkerboard(StraddlingCheckerboard board, String message, String digits)
      throws MalformedInputException {
    List<Group> units = new ArrayList<>();
    String upper = message.strip();
    int i = 0;
    int oneDigit = -1;
    int twoDigit = -1;
    int figures = -1;
    while (i < upper.length()) {
      char c = upper.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int end = i + 1;
      if (c >= '0' && c <= '9') { // a number is one unit between its figure shifts
        while (end < upper.length() && upper.charAt(end) >= '0' && upper.charAt(end) <= '9') {
          end++;
        }
      }
      String piece = upper.substring(i, end);
      String code = board.encode(piece, "message");
      Mark mark = end - i > 1 || c >= '0' && c <= '9' ? Mark.SPECIAL : Mark.PLAIN;
      if (mark == Mark.SPECIAL && figures < 0) {
        figures = units.size();
      } else if (code.length() == 1 && oneDigit < 0) {
        oneDigit = units.size();
      } else if (code.length() == 2 && twoDigit < 0) {
        twoDigit = units.size();
      }
      units.add(new Group(code, piece.toUpperCase(Locale.ROOT), mark));
      i = end;
    }
    List<Highlight> hl = new ArrayList<>();
    if (oneDigit >= 0) {
      hl.add(Highlight.output(1, oneDigit, "a top-row letter: one digit"));
    }
    if (twoDigit >= 0) {
      hl.add(Highlight.output(1, twoDigit, "a lower-row letter: row digit, then column"));
    }
    if (figures >= 0) {
      hl.add(Highlight.output(1, figures, "a number: figure shift, digits tripled, figure"
          + " shift"));
    }
    String render = board.render();
    String topRow = render.split("\n")[1].strip().replaceAll("\\s+", " ");
    boolean russian = board.code('А') != null;
    w.add(SystemStageId.CHECKERBOARD, "The straddling checkerboard: one or two digits a letter",
        SystemExplanations.checkerboard(russian, units.size(), digits.length(), topRow),
        List.of(new Value.Text("The message as written", message.strip()),
            new Value.Text("The checkerboard", render.stripTrailing())),
        List.of(new Value.Text("The digits", digits),
            new Value.Groups("Each character's code (" + units.size() + ")", units)), hl);
  }

  void checkerboardGroups(String digits, String whole) {
    List<String> fives = StageWriter.fives(whole);
    int fill = whole.length() - digits.length();
    List<Group> out = new ArrayList<>(fives.size());
    for (int g = 0; g < fives.size(); g++) {
      out.add(new Group(fives.get(g), null, fill > 0 && g == fives.size() - 1 ? Mark.FILL
          : Mark.PLAIN));
    }
    List<Highlight> hl = new ArrayList<>();
    if (fill > 0) {
      hl.add(Highlight.output(0, fives.size() - 1, "the last " + fill + " digit"
          + (fill == 1 ? "" : "s") + " are filler: an unfinished code"));
    }
    w.add(StageId.REGROUP, "Regrouping: the checkerboard's digits cut into fives",
        SystemExplanations.checkerboardGroups(fives.size(), fill),
        List.of(new Value.Text("The checkerboard's digits", digits)),
        List.of(new Value.Groups("In 5-digit groups (" + fives.size() + ")", out)), hl);
  }

  void transposition(SystemStageId id, ColumnarTransposition t, String in, String out) {
    transposition(id, t, in, out, false);
  }

  /** A columnar transposition; {@code vic} for VIC's first one, keyed by line Q. */
  void transposition(SystemStageId id, ColumnarTransposition t, String in, String out,
      boolean vic) {
    int width = t.width();
    int[] numbers = t.columnNumbers();
    List<String> columns = new ArrayList<>(width + 1);
    columns.add("");
    for (int c = 0; c < width; c++) {
      columns.add(t.key().charAt(c) + " " + numbers[c]);
    }
    List<List<String>> rows = new ArrayList<>();
    for (int r = 0; r * width < in.length(); r++) {
      List<String> row = new ArrayList<>(width + 1);
      row.add("row " + (r + 1));
      for (int c = 0; c < width; c++) {
        int k = r * width + c;
        row.add(k < in.length() ? String.valueOf(in.charAt(k)) : "");
      }
      rows.add(row);
    }
    boolean first = id == SystemStageId.FIRST_TRANSPOSITION;
    List<Group> groups = StageWriter.fives(out).stream().map(Group::plain).toList();
    w.add(id, vic ? "VIC's first transposition: the digits written under key Q"
        : first ? "The first transposition: the digits written under a key"
        : "The second transposition: the same again under another key",
        vic ? SystemExplanations.vicFirstTransposition(t.key(), width, rows.size())
            : SystemExplanations.transposition(first, t.key(), width, rows.size()),
        List.of(new Value.Text(first ? "The checkerboard's digits" : "After the first"
            + " transposition", in)),
        List.of(new Value.Table("Written in rows under " + t.key() + " (" + (vic ? "digit"
            : "letter") + " and its number)",
            columns, rows), new Value.Groups(first ? "Read off by columns" : "The message as"
                + " sent, in groups of five (" + groups.size() + ")", groups)),
        List.of(Highlight.output(0, 0, "written row by row; then the column numbered 1 ("
            + t.key().charAt(firstColumn(numbers)) + ") is read first, top to bottom")));
  }

  private static int firstColumn(int[] numbers) {
    for (int c = 0; c < numbers.length; c++) {
      if (numbers[c] == 1) {
        return c;
      }
    }
    return 0;
  }

  void untranspose(DoubleTransposition t, String received, String undone) {
    String middle = t.second().decipher(received);
    w.add(SystemStageId.UNTRANSPOSE, "Undoing the transpositions: the second key, then the"
        + " first", SystemExplanations.untranspose(received.length()),
        List.of(new Value.Groups("The message as received",
            StageWriter.fives(received).stream().map(Group::plain).toList())),
        List.of(new Value.Text("Second transposition undone (key " + t.second().key() + ")",
            middle), new Value.Text("First transposition undone (key " + t.first().key()
                + "): the checkerboard's digits", undone)),
        List.of());
  }

  void checkerboardRead(StraddlingCheckerboard board, String digits, String read,
      String sent) {
    boolean same = sent.equals(read);
    w.add(SystemStageId.CHECKERBOARD_READ, "The checkerboard read back",
        SystemExplanations.checkerboardRead(same, read != null),
        List.of(new Value.Text("The digits", digits == null ? "(none)" : digits),
            new Value.Text("The checkerboard", board.render().stripTrailing())),
        List.of(new Value.Text("The message as read", read == null ? "(unreadable)" : read),
            new Value.Fields("Check", List.of(new Field("same as sent", same ? "yes" : "no",
                "against the letters and figures the board carried")))),
        List.of(Highlight.output(1, 0, "the test of the whole chain")));
  }
}
