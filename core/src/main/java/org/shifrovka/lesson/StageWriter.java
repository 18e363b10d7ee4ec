package org.shifrovka.lesson;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.shifrovka.CipherOffice;
import org.shifrovka.Decipherment;
import org.shifrovka.Encipherment;
import org.shifrovka.MalformedInputException;
import org.shifrovka.lesson.Value.Group;
import org.shifrovka.lesson.Value.Mark;
import org.shifrovka.pad.PadSecurityException;
import org.shifrovka.radio.RepeatExchange;
import org.shifrovka.radio.SymbolErrorModel;
import org.shifrovka.telegram.Radiogram;
import org.shifrovka.telegram.Telegram;

/**
 * Runs one message through the offices and the link and writes down each stage from what they
 * produced. The prose lives in {@link Explanations}; this class only gathers the values.
 */
final class StageWriter {
  /** Groups a terminal shows of a long row by default; renderers may show all. */
  static final int ADDITIVE_GROUPS = 5;

  private final Walkthrough.Builder settings;
  private final SymbolErrorModel link;
  private final List<Stage> stages = new ArrayList<>(StageId.values().length);

  StageWriter(Walkthrough.Builder settings, SymbolErrorModel link) {
    this.settings = settings;
    this.link = link;
  }

  Walkthrough write(String message, String source)
      throws MalformedInputException, PadSecurityException, IOException {
    CipherOffice sender = settings.sender;
    Encipherment enc = sender.encipher(message, source);
    List<Radiogram> sent = enc.telegrams().stream().map(Telegram::radiogram).toList();
    List<RepeatExchange> exchanges = new ArrayList<>(sent.size());
    List<Radiogram> received = new ArrayList<>(sent.size());
    for (Radiogram r : sent) {
      RepeatExchange x = link == null ? null
          : RepeatExchange.run(r.groups(), r.number(), link, settings.repeatRounds);
      exchanges.add(x);
      received.add(x == null ? r : r.withGroups(x.copy().groups()));
    }
    Decipherment dec = settings.receiver.decipher(received);

    SendingStages out = new SendingStages(this, settings);
    out.telegraphese(message, enc);
    out.codeGroups(enc);
    out.spell(sender.codebook(), enc);
    out.regroup(sender.codebook(), enc);
    out.padSheet(sender.padBook(), enc);
    out.additive(sender, enc);
    out.radiogram(enc);
    out.morse(sent.get(0));
    ReceivingStages in = new ReceivingStages(this, settings);
    in.air(sent, exchanges, link != null);
    in.receive(sent, exchanges);
    in.decipher(received, dec);
    in.reassemble(enc, dec);
    in.archivalCopy(dec);
    in.register(dec);
    OptionalLong seed = settings.seed == null ? OptionalLong.empty()
        : OptionalLong.of(settings.seed);
    return new Walkthrough(message, seed, stages, enc, dec);
  }

  void add(StageId id, String title, Explanations.Text text, List<Value> input,
      List<Value> output, List<Highlight> highlights) {
    stages.add(new Stage(stages.size() + 1, id, title, text.prose(), text.sources(),
        text.inferred(), input, output, highlights));
  }


  /** The key group {@code g} (from 0) of a run of key digits, as five digits. */
  static String padGroup(byte[] key, int g) {
    char[] d = new char[5];
    for (int i = 0; i < 5; i++) {
      d[i] = (char) ('0' + key[g * 5 + i]);
    }
    return new String(d);
  }

  /** A duration in minutes and seconds, for a sentence. */
  static String duration(double seconds) {
    long s = Math.round(seconds);
    return s >= 60 ? s / 60 + " min " + String.format(Locale.ROOT, "%02d", s % 60) + " s"
        : s + " s";
  }

  /** A row of groups, those with the given 1-based numbers marked. */
  static Value.Groups groups(String label, List<String> groups, List<Integer> marked,
      Value.Mark mark) {
    List<Value.Group> out = new ArrayList<>(groups.size());
    for (int g = 0; g < groups.size(); g++) {
      out.add(new Value.Group(groups.get(g), null, marked.contains(g + 1) ? mark
          : Value.Mark.PLAIN));
    }
    return new Value.Groups(label, out);
  }

  static String five(int group) {
    return CipherOffice.formatGroup(group);
  }
}
