package org.shifrovka.lesson;

import static org.shifrovka.lesson.StageWriter.ADDITIVE_GROUPS;
import static org.shifrovka.lesson.StageWriter.five;
import static org.shifrovka.lesson.StageWriter.groups;
import static org.shifrovka.lesson.StageWriter.padGroup;

import java.util.ArrayList;
import java.util.List;
import org.shifrovka.CipherOffice;
import org.shifrovka.Decipherment;
import org.shifrovka.Encipherment;
import org.shifrovka.ReceivedMessage;
import org.shifrovka.lesson.Value.Field;
import org.shifrovka.lesson.Value.Group;
import org.shifrovka.lesson.Value.Mark;
import org.shifrovka.pad.CombineMode;
import org.shifrovka.pad.PadSheet;
import org.shifrovka.radio.ReceivedCopy;
import org.shifrovka.radio.RepeatExchange;
import org.shifrovka.radio.RepeatRequest;
import org.shifrovka.telegram.ArchivalCopy;
import org.shifrovka.telegram.Radiogram;

/** Stages 9-14, the link and the receiving office: from the air to the register. */
final class ReceivingStages {
  private final StageWriter w;
  private final Walkthrough.Builder settings;

  ReceivingStages(StageWriter w, Walkthrough.Builder settings) {
    this.w = w;
    this.settings = settings;
  }

  // 9
  void air(List<Radiogram> sent, List<RepeatExchange> exchanges, boolean noisy) {
    List<Value> in = new ArrayList<>();
    List<Value> out = new ArrayList<>();
    List<Highlight> hl = new ArrayList<>();
    int garbled = 0;
    for (int i = 0; i < sent.size(); i++) {
      Radiogram r = sent.get(i);
      RepeatExchange x = exchanges.get(i);
      if (i == 0) {
        in.add(groups("Radiogram No. " + r.number() + " as keyed", r.groups(), List.of(), null));
      }
      List<String> heard = x == null ? r.groups() : x.firstCopy().groups();
      List<Integer> suspect = x == null ? List.of() : x.firstCopy().suspectGroupNumbers();
      garbled += suspect.size();
      out.add(groups("Radiogram No. " + r.number() + " as first copied (" + suspect.size()
          + " suspect)", heard, suspect, Mark.GARBLED));
      if (i == 0 && !suspect.isEmpty()) {
        hl.add(Highlight.output(0, suspect.get(0) - 1, heard.get(suspect.get(0) - 1).equals(
            "?????") ? "lost: a fade where a group was" : "garbled: not five figures"));
      }
    }
    w.add(StageId.AIR, "The air: what the radio link does to the signal",
        Explanations.air(noisy, garbled, sent.size()), in, out, hl);
  }


  // 10
  void receive(List<Radiogram> sent, List<RepeatExchange> exchanges) {
    List<List<String>> rows = new ArrayList<>();
    List<Value> out = new ArrayList<>();
    List<Value> in = new ArrayList<>();
    int requests = 0;
    boolean clean = true;
    for (int i = 0; i < sent.size(); i++) {
      Radiogram r = sent.get(i);
      RepeatExchange x = exchanges.get(i);
      ReceivedCopy first = x == null ? null : x.firstCopy();
      ReceivedCopy last = x == null ? null : x.copy();
      List<Integer> asked = new ArrayList<>();
      if (x != null) {
        for (RepeatRequest q : x.requests()) {
          List<Integer> numbers = q.groupNumbers(r.groups().size());
          asked.addAll(numbers);
          rows.add(List.of(String.valueOf(r.number()), q.render(), numbers.size() == 1
              ? "group " + numbers.get(0) : "groups " + numbers.get(0) + "-"
                  + numbers.get(numbers.size() - 1)));
          requests++;
        }
        clean &= last.isClean();
      }
      if (i == 0) {
        in.add(groups("Radiogram No. " + r.number() + " as first copied",
            first == null ? r.groups() : first.groups(),
            first == null ? List.of() : first.suspectGroupNumbers(), Mark.GARBLED));
      }
      List<String> finalGroups = last == null ? r.groups() : last.groups();
      List<Integer> stillSuspect = last == null ? List.of() : last.suspectGroupNumbers();
      List<Group> g = new ArrayList<>(finalGroups.size());
      for (int k = 0; k < finalGroups.size(); k++) {
        Mark m = stillSuspect.contains(k + 1) ? Mark.GARBLED
            : asked.contains(k + 1) ? Mark.REPEATED : Mark.PLAIN;
        g.add(new Group(finalGroups.get(k), null, m));
      }
      out.add(new Value.Groups("Radiogram No. " + r.number() + " as logged"
          + (stillSuspect.isEmpty() ? ", receipted R " + r.number()
              : " with " + stillSuspect.size() + " groups still garbled"), g));
    }
    out.add(0, new Value.Table("Repeat requests", List.of("radiogram", "request", "asks for"),
        rows));
    List<Highlight> hl = new ArrayList<>();
    if (!rows.isEmpty()) {
      hl.add(Highlight.output(0, 0, "asked by group number"));
    }
    w.add(StageId.RECEIVE, "Reception: count, ask again, receipt",
        Explanations.receive(requests, clean, sent.get(0).number()), in, out, hl);
  }

  // 11
  void decipher(List<Radiogram> received, Decipherment dec) {
    ReceivedMessage m = dec.messages().isEmpty() ? null : dec.messages().get(0);
    decipher(received, m != null && !m.copies().isEmpty() ? m.copies().get(0).text().toString()
        : null, dec.problems().size(), true);
  }

  /**
   * The pad taken off the first radiogram, and what it reads as: the codebook's words, or (for a
   * digit stream) the digits the system wrote; null if nothing could be read.
   */
  void decipher(List<Radiogram> received, String readBack, int problems, boolean codebook) {
    CipherOffice office = settings.receiver;
    Radiogram r = received.get(0);
    List<String> groups = r.groups();
    int indicator = Integer.parseInt(groups.get(0).replace('?', '0'));
    PadSheet sheet = office.padBook().sheetByIndicator(indicator).orElse(null);
    List<List<String>> rows = new ArrayList<>();
    if (sheet != null) {
      byte[] key = office.padBook().keyDigits(sheet.number(), 1);
      int n = Math.min(ADDITIVE_GROUPS, Math.min(groups.size() - 3, key.length / 5));
      for (int g = 0; g < n; g++) {
        String c = groups.get(g + 1);
        String k = padGroup(key, g);
        rows.add(List.of(String.valueOf(g + 1), c, k, c.indexOf('?') >= 0 ? "?????"
            : five(office.combineMode().decipher(Integer.parseInt(c), Integer.parseInt(k)))));
      }
    }
    List<Value> out = new ArrayList<>();
    out.add(new Value.Table("Part 1: cipher " + (office.combineMode()
        == CombineMode.ADDITION ? "-" : "+") + " pad = " + (codebook ? "code" : "digits"),
        List.of("group", "cipher", "pad", codebook ? "code" : "digits"), rows));
    if (readBack != null && codebook) {
      out.add(new Value.Text("Part 1 read back", readBack));
    } else if (readBack != null) {
      out.add(StageWriter.groups("The digits with the pad taken off",
          StageWriter.fives(readBack), List.of(), Mark.PLAIN));
    }
    w.add(StageId.DECIPHER, codebook ? "Deciphering: the pad taken off, the code read back"
        : "Deciphering: the pad taken off",
        codebook ? Explanations.decipher(five(indicator), sheet == null ? -1 : sheet.number(),
            problems) : SystemExplanations.decipherDigits(five(indicator),
                sheet == null ? -1 : sheet.number(), problems),
        List.of(groups("Radiogram No. " + r.number() + " as logged", groups, List.of(1),
            Mark.INDICATOR)),
        out, List.of(Highlight.input(0, 0, "the indicator names the sheet")));
  }

  // 12
  void reassemble(Encipherment enc, Decipherment dec) {
    List<Field> parts = new ArrayList<>();
    ReceivedMessage m = dec.messages().isEmpty() ? null : dec.messages().get(0);
    if (m != null) {
      for (ArchivalCopy c : m.copies()) {
        parts.add(new Field("part " + c.part() + " of " + c.parts(), "No. "
            + c.closingLine().serial(), c.text().size() + " words"));
      }
    }
    List<Value> out = new ArrayList<>();
    out.add(new Value.Text("The whole message as read in Moscow", m == null ? "" :
        m.text().toString()));
    out.add(new Value.Fields("Check", List.of(
        new Field("parts", m == null ? "0" : m.parts() + "", "as the <PART> groups declare"),
        new Field("missing", m == null || m.missingParts().isEmpty() ? "none"
            : m.missingParts().toString(), "parts not received"),
        new Field("garbled groups", m == null ? "0" : String.valueOf(m.garbledGroups()),
            "shown as [n groups garbled]"),
        new Field("same as sent", m != null && m.text().equals(enc.text()) ? "yes" : "no",
            "against the canonical text the clerk coded"))));
    w.add(StageId.REASSEMBLE, "Reassembly: the parts become one message again",
        Explanations.reassemble(enc.parts().size()),
        List.of(new Value.Fields("Parts received", parts)), out,
        List.of(Highlight.output(1, 3, "the test of the whole chain")));
  }

  // 13
  void archivalCopy(Decipherment dec) {
    List<Value> out = new ArrayList<>();
    for (ReceivedMessage m : dec.messages()) {
      for (ArchivalCopy c : m.copies()) {
        out.add(new Value.Text("Ciphered telegram No. " + c.registryNumber(), c.render().strip()));
      }
    }
    ArchivalCopy first = dec.messages().isEmpty() || dec.messages().get(0).copies().isEmpty()
        ? null : dec.messages().get(0).copies().get(0);
    w.add(StageId.ARCHIVAL_COPY, "The archival copy typed for the file",
        Explanations.archivalCopy(first == null ? "" : first.registryNumber().toString(),
            first == null ? "" : first.closingLine().render()),
        List.of(new Value.Fields("From the register and the closing line", first == null
            ? List.of() : List.of(
                new Field("registry number", first.registryNumber().toString(), "Moscow's"),
                new Field("closing line", first.closingLine().render(), "the sender's")))),
        out, List.of());
  }

  // 14
  void register(Decipherment dec) {
    List<List<String>> rows = new ArrayList<>();
    for (ReceivedMessage m : dec.messages()) {
      for (ArchivalCopy c : m.copies()) {
        rows.add(List.of(c.registryNumber().toString(), c.closingLine().sender(),
            String.valueOf(c.closingLine().serial()), c.part() + " of " + c.parts()));
      }
    }
    List<Highlight> hl = new ArrayList<>();
    if (rows.size() > 1) {
      hl.add(Highlight.output(0, 1, "a step between numbers: other traffic came in between"));
    }
    w.add(StageId.REGISTER, "The register: one number for every telegram",
        Explanations.register(rows.size(), rows.isEmpty() ? "" : rows.get(0).get(0)),
        List.of(), List.of(new Value.Table("Incoming register", List.of("registry No.",
            "from", "sender's No.", "part"), rows)), hl);
  }

}
