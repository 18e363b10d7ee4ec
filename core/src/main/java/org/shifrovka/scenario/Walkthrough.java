package org.shifrovka.scenario;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.shifrovka.Encipherment;
import org.shifrovka.ReceivedMessage;
import org.shifrovka.codebook.CodeText;
import org.shifrovka.pad.Additive;
import org.shifrovka.pad.PadSheet;
import org.shifrovka.radio.DigitKeying;
import org.shifrovka.radio.KeyingSpeed;
import org.shifrovka.radio.MorseCodec;
import org.shifrovka.radio.OperatorProcedure;
import org.shifrovka.radio.RadioFormatException;
import org.shifrovka.telegram.ArchivalCopy;
import org.shifrovka.telegram.Radiogram;
import org.shifrovka.telegram.Telegram;

/**
 * Renders a run of the 1949 scenario as the stages a teacher shows: the message, its telegraphese,
 * the code of its first lines, the regrouped 5-digit groups, a pad sheet, the additive arithmetic
 * of one group, the three radiograms, the archival copies typed in Moscow, and whether the text
 * arrived unchanged.
 *
 * <p>The output depends only on the run, so the same seed always gives the same text.
 */
public final class Walkthrough {
  private static final int CODE_UNITS_SHOWN = 24;
  private static final int GROUPS_SHOWN = 20;
  private static final int WPM = 20;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);

  private final StringBuilder out = new StringBuilder(32_768);
  private int stage;

  private Walkthrough() {}

  /** Renders the walkthrough of a run. */
  public static String render(Scenario1949.Run run) {
    return new Walkthrough().write(run);
  }

  private String write(Scenario1949.Run run) {
    Encipherment enc = run.encipherment();
    Scenario1949 sc = run.scenario();
    out.append("shifrovka - the 1949 chain, run in process (seed ").append(sc.seed()).append(")\n");
    out.append("TEREBIN (Xibaipo) -> KUZNETSOV (Moscow), for FILIPPOV (Stalin), 13 January 1949\n");
    out.append("Source: ").append(Scenario1949.CITATION).append('\n');
    out.append("The pad of this run comes from the seed: reproducible, and therefore insecure.\n");

    heading("The message as dictated and translated (Wilson Center translation)");
    out.append(Scenario1949.message().strip()).append('\n');

    heading("Telegraphese: the canonical form the code clerk works from");
    out.append(enc.text()).append('\n');

    heading("Code: the first " + CODE_UNITS_SHOWN + " code units ("
        + sc.codebook().style().label() + " codebook, " + sc.codebook().size() + " groups)");
    CodeText code = enc.code();
    List<CodeText.Unit> units = code.units();
    for (int i = 0; i < Math.min(CODE_UNITS_SHOWN, units.size()); i++) {
      out.append(String.format(Locale.ROOT, "  %-28s %s%n", units.get(i).words(),
          units.get(i).code()).replace("\r", ""));
    }
    units.stream().filter(u -> u.code().length() > 4 && !u.words().endsWith(".")).findFirst()
        .ifPresent(u -> out.append("  A word not in the book is spelled between SPELL and END"
            + " SPELL:\n").append(String.format(Locale.ROOT, "  %-28s %s%n", u.words(),
                u.code()).replace("\r", "")));
    out.append("  The whole message: ").append(units.size()).append(" code units, ")
        .append(code.length()).append(" digits.\n");

    Encipherment.Part first = enc.parts().get(0);
    heading("Regrouping into 5-digit groups (part 1, first " + GROUPS_SHOWN + " of "
        + first.codeGroups().size() + "; it opens with <PART> and 0103, part 1 of 3)");
    rows(first.codeGroups().subList(0, Math.min(GROUPS_SHOWN, first.codeGroups().size())));

    PadSheet sheet = sc.padBook().sheet(first.sheets().first());
    heading("Pad book " + sc.padBook().id() + ", sheet " + sheet.number() + " (part 1 uses sheets "
        + first.sheets().first() + "-" + first.sheets().last()
        + "); the first group is the indicator");
    for (int g = 0; g < sheet.groupCount(); g++) {
      out.append(g % 10 == 0 ? "  " : " ").append(String.format(Locale.ROOT, "%05d",
          sheet.group(g)));
      if (g % 10 == 9 || g == sheet.groupCount() - 1) {
        out.append('\n');
      }
    }

    heading("The additive: digit by digit, mod 10, no carry (first text group of part 1)");
    int codeGroup = Integer.parseInt(first.codeGroups().get(0));
    int padGroup = sheet.group(1);
    int sum = Additive.add(codeGroup, padGroup);
    out.append(String.format(Locale.ROOT, "  code   %s%n  pad  + %s%n  sum  = %s%n",
        spaced(codeGroup), spaced(padGroup), spaced(sum)).replace("\r", ""));
    out.append("  (each column separately: ").append(columns(codeGroup, padGroup))
        .append(")\n");
    out.append("  The telegram opens with the indicator ").append(first.telegram().indicator())
        .append(" in clear, then ").append(first.telegram().groups().get(1)).append(" ...\n");

    heading("The three radiograms as keyed (header: nr, groups, day, Moscow time, precedence)");
    for (int i = 0; i < run.radiograms().size(); i++) {
      Telegram t = enc.parts().get(i).telegram();
      out.append("  part ").append(t.part()).append(" of ").append(t.parts()).append(", No. ")
          .append(t.serial()).append(", filed ").append(TIME.format(t.filed())).append(" local = ")
          .append(TIME.format(t.filedMoscow())).append(" Moscow, pad ")
          .append(enc.parts().get(i).sheets()).append('\n');
      Radiogram r = run.radiograms().get(i);
      out.append(r.render()).append('\n');
    }

    onAir(run.radiograms().get(0));

    heading("In Moscow: deciphered, registered and typed for the file");
    for (ReceivedMessage m : run.decipherment().messages()) {
      out.append(ArchivalCopy.renderAll(m.copies()));
    }

    heading("Result");
    out.append(run.decipherment().report());
    out.append(run.delivered()
        ? "DELIVERED: the text typed in Moscow equals the original message (canonical form).\n"
        : "NOT DELIVERED: the text typed in Moscow differs from the original message.\n");
    return out.toString();
  }

  private void onAir(Radiogram radiogram) {
    heading("On the air: radiogram No. " + radiogram.number() + " as the operator keys it"
        + " (Russian Morse, " + WPM + " WPM)");
    try {
      String keyed = OperatorProcedure.radiogram(Scenario1949.MOSCOW_CALL,
          Scenario1949.TEREBIN_CALL, radiogram);
      List<String> lines = keyed.lines().toList();
      MorseCodec codec = MorseCodec.russian();
      for (int i = 0; i < lines.size(); i++) {
        if (i < 4 || i == lines.size() - 1) {
          out.append("  ").append(lines.get(i)).append('\n');
          if (i < 3 || i == lines.size() - 1) {
            out.append("    ").append(codec.encode(lines.get(i))).append('\n');
          }
        } else if (i == 4) {
          out.append("  ... (").append(lines.size() - 5).append(" more lines of groups)\n");
        }
      }
      KeyingSpeed speed = KeyingSpeed.ofWpm(WPM);
      Duration time = speed.keyingTime(codec.encode(keyed));
      out.append(String.format(Locale.ROOT, "  Keying time at %d WPM: %d min %02d s for %d groups"
          + " (about %.1f groups a minute)%n", WPM, time.toMinutes(), time.toSecondsPart(),
          radiogram.groups().size(), speed.groupsPerMinute(DigitKeying.FULL)).replace("\r", ""));
    } catch (RadioFormatException e) {
      throw new IllegalStateException("the scenario radiogram cannot be keyed: " + e.getMessage(),
          e);
    }
  }

  private void heading(String title) {
    stage++;
    out.append('\n').append(stage).append(". ").append(title).append('\n');
    out.append("-".repeat(Math.min(100, title.length() + 4))).append('\n');
  }

  private void rows(List<String> groups) {
    for (int i = 0; i < groups.size(); i++) {
      out.append(i % 10 == 0 ? "  " : " ").append(groups.get(i));
      if (i % 10 == 9 || i == groups.size() - 1) {
        out.append('\n');
      }
    }
  }

  private static String spaced(int group) {
    String s = String.format(Locale.ROOT, "%05d", group);
    return String.join(" ", s.split(""));
  }

  private static String columns(int a, int b) {
    String x = String.format(Locale.ROOT, "%05d", a);
    String y = String.format(Locale.ROOT, "%05d", b);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      int s = (x.charAt(i) - '0') + (y.charAt(i) - '0');
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(x.charAt(i)).append('+').append(y.charAt(i)).append('=').append(s % 10);
      if (s >= 10) {
        sb.append(" not ").append(s);
      }
    }
    return sb.toString();
  }
}
