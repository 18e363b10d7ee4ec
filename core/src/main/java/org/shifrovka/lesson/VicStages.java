package org.shifrovka.lesson;

import java.util.ArrayList;
import java.util.List;
import org.shifrovka.lesson.Value.Field;
import org.shifrovka.lesson.Value.Group;
import org.shifrovka.lesson.Value.Mark;
import org.shifrovka.vic.VicDecipherment;
import org.shifrovka.vic.VicEncipherment;
import org.shifrovka.vic.VicKeys;

/**
 * The stages only VIC has ({@link SystemStageId#VIC_KEYS}, the disrupted transposition, the
 * keygroup, and its deciphering), from the lines of the work sheets {@link VicEncipherment} and
 * {@link VicDecipherment} keep. The checkerboard, the first transposition and the read-back are
 * {@link SystemStages}'.
 */
final class VicStages {
  private final StageWriter w;

  VicStages(StageWriter w) {
    this.w = w;
  }

  void keys(VicKeys k, String date, int personalNumber, int fromEnd) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("A", digits(k.lineA()), "the message's keygroup, chosen at random"));
    rows.add(List.of("B", digits(k.lineB()), "the first five digits of the date " + date));
    rows.add(List.of("C", digits(k.lineC()), "A minus B, digit by digit, mod 10"));
    rows.add(List.of("D", k.lineD(), "the first 20 letters of the key phrase"));
    rows.add(List.of("E", digits(k.lineE()), "each half of D sequentialized"));
    rows.add(List.of("F", digits(k.lineF()), "C chain-added to ten digits"));
    rows.add(List.of("G", digits(k.lineG()), "F plus the first half of E"));
    rows.add(List.of("H", digits(k.lineH()), "G read through 1234567890 over E's second half"));
    rows.add(List.of("J", digits(k.lineJ()), "H sequentialized"));
    String[] names = {"K", "L", "M", "N", "P"};
    for (int r = 0; r < 5; r++) {
      rows.add(List.of(names[r], digits(k.lineKtoP(r)), r == 0 ? "chain addition from H, fifty"
          + " digits" : ""));
    }
    rows.add(List.of("Q", digits(k.lineQ()), "first key: " + k.firstWidth() + " digits read"
        + " off K-P by columns in the order of J"));
    rows.add(List.of("R", digits(k.lineR()), "second key: " + k.secondWidth() + " digits"));
    rows.add(List.of("S", digits(k.lineS()), "P sequentialized: the checkerboard's columns"));
    w.add(SystemStageId.VIC_KEYS, "VIC: the message's keys from the standing keys",
        SystemExplanations.vicKeys(personalNumber, k.firstWidth(), k.secondWidth(), fromEnd),
        List.of(new Value.Fields("The standing keys and the keygroup", List.of(
            new Field("key phrase", k.lineD(), "its first 20 letters"),
            new Field("date", date, "its last digit places the keygroup"),
            new Field("personal number", String.valueOf(personalNumber), "the agent's own"),
            new Field("keygroup", digits(k.lineA()).replace(" ", ""), "new for each message")))),
        List.of(new Value.Table("The work sheet, lines A to S", List.of("line", "value",
            "how"), rows)),
        List.of(Highlight.output(0, rows.size() - 3, "the first transposition's key"),
            Highlight.output(0, rows.size() - 1, "the checkerboard's column digits")));
  }

  void disrupted(VicEncipherment e) {
    String key = digits(e.keys().lineR()).replace(" ", "");
    int width = key.length();
    boolean[] disrupted = e.disruptedCells();
    String cells = e.disruptedTable();
    String in = e.firstTransposition();
    String out = e.secondTransposition();
    int[] numbers = numbers(key);
    List<String> columns = new ArrayList<>(width + 1);
    columns.add("");
    for (int c = 0; c < width; c++) {
      columns.add(String.valueOf(numbers[c]));
    }
    List<List<String>> rows = new ArrayList<>();
    for (int r = 0; r * width < cells.length(); r++) {
      List<String> row = new ArrayList<>(width + 1);
      row.add("row " + (r + 1));
      for (int c = 0; c < width; c++) {
        int k = r * width + c;
        row.add(k >= cells.length() ? "" : disrupted[k] ? "[" + cells.charAt(k) + "]"
            : String.valueOf(cells.charAt(k)));
      }
      rows.add(row);
    }
    w.add(SystemStageId.DISRUPTED_TRANSPOSITION, "VIC's second transposition: a disrupted table",
        SystemExplanations.vicDisrupted(key, width, rows.size()),
        List.of(new Value.Text("After the first transposition", in)),
        List.of(new Value.Table("The table under R (key numbers over the columns; [d] in a"
            + " disruption area, filled last)", columns, rows),
            new Value.Groups("Read off by columns", StageWriter.fives(out).stream()
                .map(Group::plain).toList())),
        List.of(Highlight.output(0, 0, "the first area begins at the column numbered 1")));
  }

  void keygroup(VicEncipherment e, int fromEnd) {
    List<Group> groups = new ArrayList<>(e.groups().size());
    for (int g = 0; g < e.groups().size(); g++) {
      groups.add(g == e.indicatorIndex() ? new Group(e.groups().get(g), "keygroup",
          Mark.INDICATOR) : Group.plain(e.groups().get(g)));
    }
    w.add(SystemStageId.KEYGROUP, "The keygroup hidden among the groups",
        SystemExplanations.vicKeygroup(e.keygroup(), fromEnd, e.groups().size()),
        List.of(new Value.Groups("The digits in fives", StageWriter.fives(
            e.secondTransposition()).stream().map(Group::plain).toList())),
        List.of(new Value.Groups("The message as sent (" + groups.size() + " groups)", groups)),
        List.of(Highlight.output(0, e.indicatorIndex(), "the keygroup, " + fromEnd
            + (fromEnd == 1 ? "st" : fromEnd == 2 ? "nd" : fromEnd == 3 ? "rd" : "th")
            + " from the end")));
  }

  void decipher(VicDecipherment d) {
    List<Group> groups = new ArrayList<>(d.groups().size());
    for (int g = 0; g < d.groups().size(); g++) {
      groups.add(g == d.indicatorIndex() ? new Group(d.groups().get(g), "keygroup",
          Mark.INDICATOR) : Group.plain(d.groups().get(g)));
    }
    w.add(SystemStageId.UNTRANSPOSE, "Deciphering VIC: the keygroup, then both transpositions"
        + " undone", SystemExplanations.vicDecipher(d.keygroup()),
        List.of(new Value.Groups("The message as received", groups)),
        List.of(new Value.Text("Without the keygroup", d.secondTransposition()),
            new Value.Text("Disrupted transposition undone (key R)", d.firstTransposition()),
            new Value.Text("First transposition undone (key Q): the checkerboard's digits",
                d.checkerboardDigits())),
        List.of(Highlight.input(0, d.indicatorIndex(), "found at its place from the end")));
  }

  private static String digits(int[] d) {
    StringBuilder sb = new StringBuilder(d.length * 2);
    for (int x : d) {
      sb.append(sb.length() == 0 ? "" : " ").append(x);
    }
    return sb.toString();
  }

  /** The column numbers of a digit key as VIC ranks them: 1-9 then 0, ties left to right. */
  private static int[] numbers(String key) {
    return org.shifrovka.transposition.ColumnarTransposition.ofDigits(key).columnNumbers();
  }
}
