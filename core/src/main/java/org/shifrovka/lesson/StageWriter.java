package org.shifrovka.lesson;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.shifrovka.CipherOffice;
import org.shifrovka.Decipherment;
import org.shifrovka.DecipheredDigits;
import org.shifrovka.Encipherment;
import org.shifrovka.MalformedInputException;
import org.shifrovka.ReceivedMessage;
import org.shifrovka.checkerboard.StraddlingCheckerboard;
import org.shifrovka.ctc.TelegraphCode;
import org.shifrovka.lesson.Value.Group;
import org.shifrovka.lesson.Value.Mark;
import org.shifrovka.pad.PadSecurityException;
import org.shifrovka.radio.RepeatExchange;
import org.shifrovka.radio.SymbolErrorModel;
import org.shifrovka.telegram.Radiogram;
import org.shifrovka.telegram.Telegram;
import org.shifrovka.transposition.ColumnarTransposition;
import org.shifrovka.transposition.DoubleTransposition;
import org.shifrovka.vic.VicCipher;
import org.shifrovka.vic.VicDecipherment;
import org.shifrovka.vic.VicEncipherment;

/**
 * Runs one message through the offices and the link, or through the hand system, and writes down
 * each stage from what they produced. The prose lives in {@link Explanations} and
 * {@link SystemExplanations}; this class only gathers the values.
 */
final class StageWriter {
  /** Groups a terminal shows of a long row by default; renderers may show all. */
  static final int ADDITIVE_GROUPS = 5;

  private final Walkthrough.Builder settings;
  private final SymbolErrorModel link;
  private final List<Stage> stages = new ArrayList<>(StageId.values().length + 2);

  StageWriter(Walkthrough.Builder settings, SymbolErrorModel link) {
    this.settings = settings;
    this.link = link;
  }

  Walkthrough write(String message, String source)
      throws MalformedInputException, PadSecurityException, IOException {
    switch (settings.system) {
      case CTC_PAD:
        return writeCtc(message, source);
      case CHECKERBOARD_PAD:
        return writeCheckerboardPad(message, source);
      case CHECKERBOARD_DOUBLE_TRANSPOSITION:
        return writeHandSystem(message, source);
      case VIC:
        return writeVic(message, source);
      default: {
        Office o = office(message, source);
        return done(message, o.enc, o.dec, delivered(o.enc, o.dec));
      }
    }
  }

  /** What the two offices produced for a text. */
  private record Office(Encipherment enc, Decipherment dec) {}

  /** The 14 stages of the 1949 office for a text, from telegraphese to the register. */
  private Office office(String message, String source)
      throws MalformedInputException, PadSecurityException, IOException {
    CipherOffice sender = settings.sender;
    Encipherment enc = sender.encipher(message, source);
    List<Radiogram> sent = enc.telegrams().stream().map(Telegram::radiogram).toList();
    List<RepeatExchange> exchanges = new ArrayList<>(sent.size());
    List<Radiogram> received = transmit(sent, exchanges);
    Decipherment dec = settings.receiver.decipher(received);

    SendingStages out = new SendingStages(this, settings);
    out.telegraphese(message, enc);
    out.codeGroups(enc);
    out.spell(sender.codebook(), enc);
    out.regroup(sender.codebook(), enc);
    out.padSheet(sender.padBook(), enc.parts());
    out.additive(sender, enc.parts().get(0));
    out.radiogram(enc.parts());
    out.morse(sent.get(0));
    ReceivingStages in = new ReceivingStages(this, settings);
    in.air(sent, exchanges, link != null);
    in.receive(sent, exchanges);
    in.decipher(received, dec);
    in.reassemble(enc, dec);
    in.archivalCopy(dec);
    in.register(dec);
    return new Office(enc, dec);
  }

  /** Sends radiograms over the link with repeat requests; returns the copies received. */
  private List<Radiogram> transmit(List<Radiogram> sent, List<RepeatExchange> exchanges) {
    List<Radiogram> received = new ArrayList<>(sent.size());
    for (Radiogram r : sent) {
      RepeatExchange x = link == null ? null
          : RepeatExchange.run(r.groups(), r.number(), link, settings.repeatRounds);
      exchanges.add(x);
      received.add(x == null ? r : r.withGroups(x.copy().groups()));
    }
    return received;
  }

  private static boolean delivered(Encipherment enc, Decipherment dec) {
    return dec.clean() && dec.messages().size() == 1
        && dec.messages().get(0).text().equals(enc.text());
  }

  private Walkthrough done(String message, Encipherment enc, Decipherment dec,
      boolean delivered) {
    OptionalLong seed = settings.seed == null ? OptionalLong.empty()
        : OptionalLong.of(settings.seed);
    return new Walkthrough(settings.system, message, seed, stages, enc, dec, delivered);
  }

  /**
   * {@code ctc+pad}: the Chinese text in telegraph code, the code groups through the office's 14
   * stages as the text the clerk codes, and the groups read back into characters.
   */
  private Walkthrough writeCtc(String message, String source)
      throws MalformedInputException, PadSecurityException, IOException {
    TelegraphCode table = settings.telegraphCode;
    int[] codes = table.encode(message, source);
    String groups = TelegraphCode.formatGroups(codes);
    SystemStages sys = new SystemStages(this);
    sys.telegraphCode(table, message, codes);
    Office o = office(groups, source);
    String sentText = table.decode(codes);
    String read = null;
    ReceivedMessage m = o.dec.messages().isEmpty() ? null : o.dec.messages().get(0);
    if (m != null) {
      try {
        read = table.decodeGroups(m.text().toString(), "the deciphered telegraph code");
      } catch (MalformedInputException e) {
        read = null; // a garbled group: the stage shows the groups and says so
      }
    }
    sys.telegraphCodeRead(table, m == null ? "" : m.text().toString(), read, sentText);
    return done(message, o.enc, o.dec, delivered(o.enc, o.dec) && sentText.equals(read));
  }

  /**
   * {@code checkerboard+pad}: the checkerboard's digits, completed to fives, under the office's
   * pad and over the air; the pad taken off and the digits read back on the board.
   */
  private Walkthrough writeCheckerboardPad(String message, String source)
      throws MalformedInputException, PadSecurityException, IOException {
    StraddlingCheckerboard board = settings.checkerboard;
    String digits = board.encode(message, source);
    String whole = board.completeGroups(digits);
    CipherOffice sender = settings.sender;
    Encipherment.Part part = sender.encipherDigits(whole, source);
    List<Radiogram> sent = List.of(part.telegram().radiogram());
    List<RepeatExchange> exchanges = new ArrayList<>(1);
    List<Radiogram> received = transmit(sent, exchanges);
    DecipheredDigits back = settings.receiver.decipherDigits(received.get(0));

    SystemStages sys = new SystemStages(this);
    sys.checkerboard(board, message, digits);
    sys.checkerboardGroups(digits, whole);
    SendingStages out = new SendingStages(this, settings);
    out.padSheet(sender.padBook(), List.of(part));
    out.additive(sender, part);
    out.radiogram(List.of(part));
    out.morse(sent.get(0));
    ReceivingStages in = new ReceivingStages(this, settings);
    in.air(sent, exchanges, link != null);
    in.receive(sent, exchanges);
    String got = back.digits().orElse(null);
    in.decipher(received, got, back.problems().size(), false);
    String read = null;
    if (got != null && got.indexOf('?') < 0) {
      try {
        read = board.decodeCompleted(got);
      } catch (IllegalArgumentException e) {
        read = null;
      }
    }
    String sentText = board.decode(digits);
    sys.checkerboardRead(board, got, read, sentText);
    return done(message, null, null, back.clean() && sentText.equals(read));
  }

  /**
   * {@code checkerboard+double-transposition}: the agent's hand system, no office and no pad: the
   * checkerboard, two transpositions, and both undone at the other end.
   */
  private Walkthrough writeHandSystem(String message, String source)
      throws MalformedInputException {
    StraddlingCheckerboard board = settings.checkerboard;
    DoubleTransposition t = settings.transposition;
    String digits = board.encode(message, source);
    String once = t.first().encipher(digits);
    String twice = t.second().encipher(once);
    SystemStages sys = new SystemStages(this);
    sys.checkerboard(board, message, digits);
    sys.transposition(SystemStageId.FIRST_TRANSPOSITION, t.first(), digits, once);
    sys.transposition(SystemStageId.SECOND_TRANSPOSITION, t.second(), once, twice);
    String undone = t.decipher(twice);
    sys.untranspose(t, twice, undone);
    String read = board.decode(undone);
    String sentText = board.decode(digits);
    sys.checkerboardRead(board, undone, read, sentText);
    return done(message, null, null, sentText.equals(read));
  }

  void add(Stage.Id id, String title, Explanations.Text text, List<Value> input,
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

  /** Digits cut into groups of five, the last one possibly short. */
  static List<String> fives(String digits) {
    List<String> out = new ArrayList<>(digits.length() / 5 + 1);
    for (int i = 0; i < digits.length(); i += 5) {
      out.add(digits.substring(i, Math.min(i + 5, digits.length())));
    }
    return out;
  }

  /**
   * {@code vic}: the keys from the work sheet, the checkerboard over line S, the columnar and the
   * disrupted transposition, the keygroup among the groups, and all of it undone.
   */
  private Walkthrough writeVic(String message, String source) throws MalformedInputException {
    VicCipher vic = settings.vic;
    VicEncipherment e = vic.encipher(message, settings.keygroup, source);
    VicDecipherment d = vic.decipher(e.ciphertext());
    VicStages v = new VicStages(this);
    SystemStages sys = new SystemStages(this);
    v.keys(e.keys(), vic.date(), vic.personalNumber(), vic.indicatorPositionFromEnd());
    sys.checkerboard(e.board(), message, e.checkerboardDigits());
    sys.transposition(SystemStageId.FIRST_TRANSPOSITION, ColumnarTransposition.ofDigits(
        digits(e.keys().lineQ())), e.checkerboardDigits(), e.firstTransposition(), true);
    v.disrupted(e);
    v.keygroup(e, vic.indicatorPositionFromEnd());
    v.decipher(d);
    String sent = e.board().decode(e.checkerboardDigits());
    sys.checkerboardRead(e.board(), d.checkerboardDigits(), d.text(), sent);
    return done(message, null, null, sent.equals(d.text()));
  }

  private static String digits(int[] d) {
    StringBuilder sb = new StringBuilder(d.length);
    for (int x : d) {
      sb.append((char) ('0' + x));
    }
    return sb.toString();
  }

  static String five(int group) {
    return CipherOffice.formatGroup(group);
  }
}
