package org.shifrovka.lesson;

import static org.shifrovka.lesson.StageWriter.ADDITIVE_GROUPS;
import static org.shifrovka.lesson.StageWriter.duration;
import static org.shifrovka.lesson.StageWriter.five;
import static org.shifrovka.lesson.StageWriter.padGroup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.shifrovka.CipherOffice;
import org.shifrovka.Encipherment;
import org.shifrovka.codebook.CodeText;
import org.shifrovka.codebook.Codebook;
import org.shifrovka.codebook.SpecialGroup;
import org.shifrovka.lesson.Value.Field;
import org.shifrovka.lesson.Value.Group;
import org.shifrovka.lesson.Value.Mark;
import org.shifrovka.pad.CombineMode;
import org.shifrovka.pad.PadBook;
import org.shifrovka.pad.PadSheet;
import org.shifrovka.radio.KeyingSpeed;
import org.shifrovka.radio.MorseCodec;
import org.shifrovka.radio.OperatorProcedure;
import org.shifrovka.radio.RadioFormatException;
import org.shifrovka.telegram.MoscowTime;
import org.shifrovka.telegram.Radiogram;
import org.shifrovka.telegram.Telegram;
import org.shifrovka.text.Language;
import org.shifrovka.text.TelegraphText;

/**
 * Stages 1-8, the sending office and its operator: from telegraphese to the Morse keyed. The pad
 * sheet, the additive, the radiogram and the Morse serve every system with a pad.
 */
final class SendingStages {
  private final StageWriter w;
  private final Walkthrough.Builder settings;

  SendingStages(StageWriter w, Walkthrough.Builder settings) {
    this.w = w;
    this.settings = settings;
  }

  // 1
  void telegraphese(String message, Encipherment enc) {
    TelegraphText text = enc.text();
    Language language = settings.sender.telegraphese().language();
    List<Highlight> hl = new ArrayList<>();
    String[] words = text.toString().strip().split("\\s+");
    for (int i = 0; i < words.length && hl.size() < 3; i++) {
      if (isPunctuationWord(language, words[i])) {
        hl.add(Highlight.output(0, i, words[i] + " stands for a punctuation mark"));
      }
    }
    w.add(StageId.TELEGRAPHESE, "Telegraphese: the text the code clerk works from",
        Explanations.telegraphese(language, text.size()),
        List.of(new Value.Text("The message as written", message.strip())),
        List.of(new Value.Text("The message in telegraphese", text.toString())), hl);
  }

  private static boolean isPunctuationWord(Language language, String token) {
    for (Language.Punctuation p : Language.Punctuation.values()) {
      if (language.word(p).equals(token)) {
        return true;
      }
    }
    return false;
  }

  // 2
  void codeGroups(Encipherment enc) {
    CodeText code = enc.code();
    List<Group> groups = new ArrayList<>(code.unitCount());
    List<Highlight> hl = new ArrayList<>();
    int phrase = -1;
    int spelled = -1;
    String spell = Codebook.format(settings.sender.codebook().code(SpecialGroup.SPELL));
    for (CodeText.Unit u : code.units()) {
      Mark mark = isSpelled(u, spell) ? Mark.SPELLED
          : u.words().startsWith("<") || u.words().equals("¶") ? Mark.SPECIAL : Mark.PLAIN;
      if (mark == Mark.SPELLED && spelled < 0) {
        spelled = groups.size();
      }
      if (mark == Mark.PLAIN && phrase < 0 && u.words().indexOf(' ') > 0) {
        phrase = groups.size();
      }
      groups.add(new Group(u.code(), u.words(), mark));
    }
    if (phrase >= 0) {
      hl.add(Highlight.output(0, phrase, "a whole phrase in one group: the longest entry wins"));
    }
    if (spelled >= 0) {
      hl.add(Highlight.output(0, spelled, "not in the book: spelled letter by letter"));
    }
    Codebook book = settings.sender.codebook();
    w.add(StageId.CODE_GROUPS, "Code: words and phrases become 4-digit groups",
        Explanations.codeGroups(book.style().label(), book.size(), code.unitCount(),
            code.length()),
        List.of(new Value.Text("Telegraphese", enc.text().toString())),
        List.of(new Value.Groups("Code units (" + code.unitCount() + ")", groups)), hl);
  }

  // 3
  void spell(Codebook book, Encipherment enc) {
    CodeText.Unit unit = null;
    boolean fromMessage = true;
    String spellGroup = Codebook.format(book.code(SpecialGroup.SPELL));
    for (CodeText.Unit u : enc.code().units()) {
      if (isSpelled(u, spellGroup)) {
        unit = u;
        break;
      }
    }
    if (unit == null) { // nothing in this message needed spelling: spell the sender's name
      fromMessage = false;
      unit = spelledExample(book);
    }
    List<List<String>> rows = new ArrayList<>();
    String[] codes = unit.code().split(" ");
    String word = unit.words();
    rows.add(List.of(SpecialGroup.SPELL.label(), codes[0], "starts spelling"));
    for (int i = 1; i < codes.length - 1; i++) {
      String letter = i - 1 < word.length() ? String.valueOf(word.charAt(i - 1)) : "?";
      rows.add(List.of(letter, codes[i], "letter " + i));
    }
    rows.add(List.of("END SPELL", codes[codes.length - 1], "back to code groups"));
    w.add(StageId.SPELL, "Spelling: a word the codebook lacks",
        Explanations.spell(word, codes.length - 2, fromMessage),
        List.of(new Value.Text("The word", word)),
        List.of(new Value.Table("Spelled from the spell table", List.of("letter", "code", "role"),
            rows), new Value.Groups("As it stands in the code stream",
                List.of(new Group(unit.code(), word, Mark.SPELLED)))),
        List.of(Highlight.output(0, 0, "the SPELL group"),
            Highlight.output(0, rows.size() - 1, "END SPELL: a 2-digit code")));
  }

  /** True if a code unit is a word spelled between SPELL and END SPELL. */
  private static boolean isSpelled(CodeText.Unit u, String spellGroup) {
    return u.code().startsWith(spellGroup + " ");
  }

  /** A spelled unit from the codebook itself, for a message with nothing to spell. */
  private static CodeText.Unit spelledExample(Codebook book) {
    List<String> candidates = List.of("TEREBIN", "ORLOV", "XIBAIPO", "ТЕРЕБИН", "ОРЛОВ");
    for (String word : candidates) {
      if (!book.spellTable().canSpell(word.charAt(0))) {
        continue;
      }
      CodeText c = book.encode(TelegraphText.of(List.of(word)));
      for (CodeText.Unit u : c.units()) {
        if (isSpelled(u, Codebook.format(book.code(SpecialGroup.SPELL)))) {
          return u;
        }
      }
    }
    throw new IllegalStateException("the codebook spells none of " + candidates);
  }

  // 4
  void regroup(Codebook book, Encipherment enc) {
    Encipherment.Part first = enc.parts().get(0);
    int parts = enc.parts().size();
    CodeText code = enc.code();
    int[] units = unitRange(code, first.text().size());
    List<Group> in = new ArrayList<>();
    if (parts > 1) {
      in.add(new Group(Codebook.format(book.code(SpecialGroup.PART)), "<PART>", Mark.SPECIAL));
      in.add(new Group(String.format(Locale.ROOT, "%02d%02d", 1, parts), "part 1 of " + parts,
          Mark.SPECIAL));
    }
    List<CodeText.Unit> all = code.units();
    for (int u = units[0]; u < units[1]; u++) {
      CodeText.Unit unit = all.get(u);
      in.add(new Group(unit.code().replace(" ", ""), unit.words(),
          isSpelled(unit, Codebook.format(book.code(SpecialGroup.SPELL))) ? Mark.SPELLED
              : unit.words().startsWith("<") || unit.words().equals("¶") ? Mark.SPECIAL
              : Mark.PLAIN));
    }
    int pre = parts > 1 ? 8 : 0;
    int body = (units[1] < code.unitCount() ? code.unitStartDigit(units[1]) : code.length())
        - code.unitStartDigit(units[0]);
    List<String> fives = first.codeGroups();
    int fill = fives.size() * 5 - pre - body;
    List<Group> out = new ArrayList<>(fives.size());
    for (int g = 0; g < fives.size(); g++) {
      Mark mark = g * 5 < pre ? Mark.SPECIAL
          : fill > 0 && g == fives.size() - 1 ? Mark.FILL : Mark.PLAIN;
      out.add(new Group(fives.get(g), null, mark));
    }
    List<Highlight> hl = new ArrayList<>();
    hl.add(Highlight.output(0, 0, pre > 0 ? "opens with <PART> and 01" + String.format(
        Locale.ROOT, "%02d", parts) + ": part 1 of " + parts : "the first five digits"));
    if (fill > 0) {
      hl.add(Highlight.output(0, fives.size() - 1, "the last " + fill + " digit"
          + (fill == 1 ? "" : "s") + " are filler from <NULL>"));
    }
    w.add(StageId.REGROUP, "Regrouping: the digit stream cut into fives",
        Explanations.regroup(fives.size(), fill, parts),
        List.of(new Value.Groups("Code of part 1 as the clerk wrote it", in)),
        List.of(new Value.Groups("Part 1 in 5-digit groups (" + fives.size() + ")", out)), hl);
  }

  /** The code units [from, to) that carry the first {@code tokens} tokens of the text. */
  private static int[] unitRange(CodeText code, int tokens) {
    int to = 0;
    while (to < code.unitCount() && code.unitStartToken(to) < tokens) {
      to++;
    }
    return new int[] {0, to};
  }

  // 5
  void padSheet(PadBook pads, List<Encipherment.Part> parts) {
    Encipherment.Part first = parts.get(0);
    PadSheet sheet = pads.sheet(first.sheets().first());
    int textGroups = first.codeGroups().size();
    List<Group> groups = new ArrayList<>(sheet.groupCount());
    for (int g = 0; g < sheet.groupCount(); g++) {
      Mark mark = g == 0 ? Mark.INDICATOR : g == textGroups + 1 ? Mark.END : Mark.PLAIN;
      groups.add(new Group(five(sheet.group(g)), g == 0 ? "indicator" : g == textGroups + 1
          ? "end group" : null, mark));
    }
    List<Field> fields = new ArrayList<>();
    fields.add(new Field("pad book", pads.id(), "the book both offices hold"));
    fields.add(new Field("groups per sheet", String.valueOf(pads.groupsPerSheet()),
        "the indicator and " + (pads.groupsPerSheet() - 1) + " key groups"));
    for (Encipherment.Part p : parts) {
      fields.add(new Field("part " + p.telegram().part(), "sheet" + (p.sheets().count() > 1
          ? "s " + p.sheets().first() + "-" + p.sheets().last() : " " + p.sheets().first()),
          "reserved in the ledger before enciphering"));
    }
    fields.add(new Field("made by", pads.insecure() ? "a seed (insecure)" : "a random generator",
        pads.insecure() ? "anyone with the seed can print the same pad" : "true one-time pad"));
    List<Highlight> hl = new ArrayList<>();
    hl.add(Highlight.output(0, 0, "the indicator: sent in clear as the first group"));
    if (textGroups + 1 < sheet.groupCount()) {
      hl.add(Highlight.output(0, textGroups + 1, "the next unused group is the end group"));
    }
    w.add(StageId.PAD_SHEET, "The pad: a one-time sheet of random groups",
        Explanations.padSheet(sheet.number(), pads.groupsPerSheet(), five(sheet.indicator()),
            pads.insecure()),
        List.of(new Value.Fields("The pad book", fields)),
        List.of(new Value.Groups("Sheet " + sheet.number() + " of pad book " + pads.id(), groups)),
        hl);
  }

  // 6
  void additive(CipherOffice sender, Encipherment.Part first) {
    byte[] key = sender.padBook().keyDigits(first.sheets().first(), first.sheets().count());
    List<String> code = first.codeGroups();
    List<String> cipher = first.telegram().groups();
    boolean add = sender.combineMode() == CombineMode.ADDITION;
    String op = add ? "+" : "-";
    List<List<String>> rows = new ArrayList<>();
    int n = Math.min(ADDITIVE_GROUPS, code.size());
    for (int g = 0; g < n; g++) {
      rows.add(List.of(String.valueOf(g + 1), code.get(g), padGroup(key, g), cipher.get(g + 1)));
    }
    String c = code.get(0);
    String k = padGroup(key, 0);
    String s = cipher.get(1);
    List<List<String>> columns = new ArrayList<>();
    List<String> codeRow = new ArrayList<>(List.of("code"));
    List<String> padRow = new ArrayList<>(List.of("pad " + op));
    List<String> sumRow = new ArrayList<>(List.of("= cipher"));
    List<String> workRow = new ArrayList<>(List.of("worked"));
    int carries = 0;
    for (int i = 0; i < 5; i++) {
      int a = c.charAt(i) - '0';
      int b = k.charAt(i) - '0';
      int whole = add ? a + b : a - b;
      codeRow.add(String.valueOf(a));
      padRow.add(String.valueOf(b));
      sumRow.add(String.valueOf(s.charAt(i)));
      boolean dropped = add ? whole >= 10 : whole < 0;
      carries += dropped ? 1 : 0;
      workRow.add(a + op + b + "=" + whole + (dropped ? "→" + s.charAt(i) : ""));
    }
    columns.add(codeRow);
    columns.add(padRow);
    columns.add(sumRow);
    columns.add(workRow);
    List<Highlight> hl = new ArrayList<>();
    hl.add(Highlight.output(0, 2, "each column on its own: no carry to the next"));
    w.add(StageId.ADDITIVE, "The additive: pad and code added digit by digit, mod 10",
        Explanations.additive(add, c, k, s, carries),
        List.of(new Value.Groups("Code groups of part 1",
            code.stream().limit(n).map(Group::plain).toList()),
            new Value.Groups("Key groups of sheet " + first.sheets().first(),
                IntStream.range(0, n).mapToObj(g -> Group.plain(padGroup(key, g)))
                    .toList())),
        List.of(new Value.Table("Group 1, column by column",
            List.of("", "1", "2", "3", "4", "5"), columns),
            new Value.Table("The first " + n + " groups", List.of("group", "code", "pad",
                "cipher"), rows)),
        hl);
  }


  // 7
  void radiogram(List<Encipherment.Part> parts) {
    List<Value> out = new ArrayList<>();
    for (Encipherment.Part p : parts) {
      Telegram t = p.telegram();
      Radiogram r = t.radiogram();
      out.add(new Value.Fields("Radiogram No. " + r.number() + " (part " + t.part() + " of "
          + t.parts() + "): the clear header", List.of(
              new Field("number", String.valueOf(r.number()), "the radiogram number: here the"
                  + " sender's serial"),
              new Field("group count", String.valueOf(r.declaredGroups()),
                  "groups that follow: the receiver's check"),
              new Field("day", String.valueOf(r.day()), "day of the month of filing"),
              new Field("time", String.format(Locale.ROOT, "%02d%02d", r.time().getHour(),
                  r.time().getMinute()), "filing time, Moscow: "
                  + MoscowTime.words(t.filed().toInstant(), t.from().zone())),
              new Field("precedence", r.precedence().headerWord(),
                  r.precedence().english().toLowerCase(Locale.ROOT)))));
      List<String> groups = r.groups();
      List<Group> body = new ArrayList<>(groups.size());
      for (int g = 0; g < groups.size(); g++) {
        Mark mark = g == 0 ? Mark.INDICATOR : g == groups.size() - 2 ? Mark.END
            : g == groups.size() - 1 ? Mark.SERIAL : Mark.PLAIN;
        body.add(new Group(groups.get(g), mark == Mark.PLAIN ? null : mark.id(), mark));
      }
      out.add(new Value.Groups("Radiogram No. " + r.number() + ": the groups", body));
    }
    Telegram t1 = parts.get(0).telegram();
    int last = t1.groups().size() - 1;
    w.add(StageId.RADIOGRAM, "The radiogram: cipher groups under a clear header",
        Explanations.radiogram(parts.size(), t1.serial(), t1.groupCount()),
        List.of(new Value.Groups("Cipher text of part 1",
            t1.groups().subList(1, last - 1).stream().map(Group::plain).toList())),
        out,
        List.of(Highlight.output(0, 1, "the group count the receiver checks"),
            Highlight.output(1, 0, "the indicator, in clear"),
            Highlight.output(1, last - 1, "the end group"),
            Highlight.output(1, last, "serial and day: " + t1.groups().get(last))));
  }

  // 8
  void morse(Radiogram r) {
    try {
      String keyed = OperatorProcedure.radiogram(settings.calledStation, settings.ownStation, r);
      MorseCodec codec = MorseCodec.russian();
      StringBuilder morse = new StringBuilder(keyed.length() * 5);
      for (String line : keyed.split("\n")) {
        morse.append(morse.length() == 0 ? "" : "\n").append(codec.encode(line));
      }
      KeyingSpeed speed = KeyingSpeed.ofWpm(settings.wpm);
      double seconds = speed.keyingTime(morse.toString().replace('\n', ' ')).toMillis() / 1000.0;
      String call = keyed.substring(0, keyed.indexOf('\n'));
      w.add(StageId.MORSE, "On the air: the operator keys the radiogram in Morse",
          Explanations.morse(settings.calledStation, settings.ownStation, settings.wpm,
              seconds, r.groups().size()),
          List.of(new Value.Text("Radiogram No. " + r.number(), r.render().strip())),
          List.of(new Value.Morse("Radiogram No. " + r.number() + " as keyed", keyed,
              morse.toString(), settings.wpm, seconds),
              new Value.Fields("Keying", List.of(
                  new Field("call", call, "ЖЖЖ = VVV, ДЕ = from, ЩТЦ = I have traffic, К = over"),
                  new Field("speed", settings.wpm + " WPM", "PARIS timing"),
                  new Field("keying time", duration(seconds), r.groups().size() + " groups")))),
          List.of(Highlight.output(1, 0, "the call-up before the radiogram")));
    } catch (RadioFormatException e) {
      throw new IllegalArgumentException("the radiogram cannot be keyed: " + e.messageWithColumn(), e);
    }
  }


}
