package org.shifrovka.sim.classroom;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.shifrovka.CipherSystem;
import org.shifrovka.MalformedInputException;
import org.shifrovka.checkerboard.StraddlingCheckerboard;
import org.shifrovka.lesson.Stage;
import org.shifrovka.lesson.StageId;
import org.shifrovka.lesson.Value;
import org.shifrovka.lesson.VenonaWalkthrough;
import org.shifrovka.lesson.Walkthrough;
import org.shifrovka.pad.PadLedger;
import org.shifrovka.pad.PadSecurityException;
import org.shifrovka.scenario.Scenario1949;
import org.shifrovka.transposition.DoubleTransposition;
import org.shifrovka.vic.VicBoard;
import org.shifrovka.vic.VicCipher;
import org.shifrovka.sim.ChainSimulation;
import org.shifrovka.sim.OutcomeReport;
import org.shifrovka.sim.Topology;
import org.shifrovka.sim.fault.LinkSpec;
import org.shifrovka.sim.server.Role;

/**
 * One run of a session: the walkthrough of the message (built by the lesson model, sent whole;
 * or, when the page asks for the VENONA lesson, the {@link VenonaWalkthrough} of the seed),
 * then the chain simulation with the page's settings, each event sent as it happens, then the
 * outcome. The page only lays out what these messages hold.
 */
final class LessonRun {
  /** The second message the careless clerk enciphers on the same sheets. */
  static final String SECOND_MESSAGE = "Comrade Filippov, the delegation leaves on the fifteenth.";
  /** Simulated time between the first message and the second on a reused sheet. */
  static final Duration SECOND_AFTER = Duration.ofHours(2);
  /** The message of ctc+pad when the page gives none: Mao to Stalin, in Chinese (invented). */
  static final String DEFAULT_CHINESE = "毛澤東致斯大林同志一月十日電報收到";
  /** The message of the checkerboard systems when the page gives none (invented). */
  static final String DEFAULT_CHECKERBOARD = "FILIPPOV. YOUR TELEGRAM OF 10 JANUARY RECEIVED.";
  /** The page's keys of the hand system: the textbook pair of the transposition article. */
  static final String HAND_KEY1 = "ZEBRAS";
  static final String HAND_KEY2 = "STRIPE";
  /** The message of VIC when the page gives none (invented), for the Russian board. */
  static final String DEFAULT_RUSSIAN = "ПРИБЫЛ В МОСКВУ 13 ЯНВАРЯ. СВЯЗЬ ЧЕРЕЗ ТАЙНИК.";
  /** The page's VIC standing keys: those of the 1953 hollow-nickel message (Kahn). */
  static final String VIC_PHRASE = "ТОЛЬКО СЛЫШНО НА УЛИЦЕ ГДЕ-ТО";
  static final String VIC_DATE = "391945";
  static final int VIC_NUMBER = 13;

  /** Where a run's messages go. */
  interface Sink {
    /**
     * Returns whether the page still wants this run (its tab is open and it asked for no newer).
     *
     * @return true to go on
     */
    boolean wanted();

    /**
     * Sends one message to the page.
     *
     * @param message the message
     */
    void send(ObjectNode message);

    /**
     * Files the lines of the run's Morse to be heard.
     *
     * @param lines the written Morse, one line each
     * @param wpm the keying speed
     * @return the URL prefix of the lines' sound: {@code PREFIX + n + ".wav"}
     */
    String morse(List<String> lines, int wpm);
  }

  private final Topology base;
  private final RunRequest request;
  private final int run;
  private final Sink sink;

  LessonRun(Topology base, RunRequest request, int run, Sink sink) {
    this.base = base;
    this.request = request;
    this.run = run;
    this.sink = sink;
  }

  /** Runs to the end (or until the page no longer wants it); never throws. */
  void run() {
    try {
      if (!sink.wanted()) {
        return;
      }
      ObjectNode started = RunJson.message("run-started");
      started.put("run", run);
      started.put("seed", request.seed());
      started.put("reusePad", request.reusePad());
      started.put("system", request.system().label());
      if (request.venona()) {
        started.put("lesson", RunRequest.VENONA);
      } else {
        started.putNull("lesson");
      }
      Topology t = topology();
      started.set("topology", RunJson.topology(t));
      sink.send(started);
      List<Stage> stages;
      ObjectNode tree;
      if (request.venona()) {
        VenonaWalkthrough v = VenonaWalkthrough.of(request.seed());
        stages = v.stages();
        tree = WalkthroughJson.tree(v);
      } else {
        Walkthrough w;
        try {
          w = walkthrough();
        } catch (MalformedInputException | PadSecurityException e) {
          failed("this message cannot be sent: " + e.getMessage());
          return;
        }
        stages = w.stages();
        tree = WalkthroughJson.tree(w);
      }
      List<Value> keyed = stages.stream().filter(s -> s.id() == StageId.MORSE)
          .flatMap(s -> s.output().stream()).toList(); // the hand system has no Morse stage
      for (Value v : keyed) {
        if (v instanceof Value.Morse m) {
          List<String> lines = List.of(m.morse().split("\n"));
          ObjectNode am = RunJson.message("morse-audio");
          am.put("run", run);
          am.put("url", sink.morse(lines, m.wpm()));
          am.put("lines", lines.size());
          am.put("label", m.label());
          sink.send(am);
          break;
        }
      }
      ObjectNode wm = RunJson.message("walkthrough");
      wm.put("run", run);
      wm.set("walkthrough", tree);
      sink.send(wm);
      Map<String, ZoneId> zones = new HashMap<>();
      t.stations().forEach(s -> zones.put(s.name(), s.station().zone()));
      int[] seq = {0};
      OutcomeReport r = ChainSimulation.builder().topology(t).seed(request.seed()).speed(0)
          .realTimeout(Duration.ofMinutes(1))
          .onEvent(e -> {
            if (sink.wanted()) {
              sink.send(RunJson.event(run, seq[0]++, e, t.start(), zones));
            }
          })
          .ledgers(request.reusePad() ? (from, to, clock) -> isOrigin(t, from)
              ? new ForgetfulLedger(clock) : null : null)
          .build().run();
      if (sink.wanted()) {
        sink.send(RunJson.outcome(run, seq[0], r));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      failed("the run failed: " + e.getMessage());
    }
  }

  private void failed(String why) {
    if (sink.wanted()) {
      ObjectNode e = RunJson.error(why);
      e.put("run", run);
      sink.send(e);
    }
  }

  /** Returns the topology with the page's message and link settings. */
  Topology topology() {
    Topology t = base;
    for (RunRequest.LinkSetting l : request.links()) {
      t = t.withLink(l.a(), l.b(), s -> new LinkSpec(s.wpm(), l.delayMs() * 1_000_000,
          s.jitterNanos(), l.loss(), s.burst(), l.garble(), s.duplicate(), s.reorder(),
          s.holdNanos()));
    }
    List<Topology.MessageSpec> messages = new ArrayList<>(t.messages());
    // the air runs the 1949 codebook chain: the page's message only when that is the system
    if (request.message() != null && request.system() == CipherSystem.CODEBOOK_PAD) {
      messages = new ArrayList<>(List.of(new Topology.MessageSpec(origin(t), addressee(t),
          request.message(), "<page>", Duration.ZERO)));
    }
    if (request.reusePad() && !messages.isEmpty()) {
      Topology.MessageSpec first = messages.get(0);
      messages.add(new Topology.MessageSpec(first.from(), first.to(), SECOND_MESSAGE,
          "<second message>", first.at().plus(SECOND_AFTER)));
    }
    return t.withMessages(messages);
  }

  private Walkthrough walkthrough()
      throws MalformedInputException, PadSecurityException, IOException {
    Scenario1949 scenario = Scenario1949.withSeed(request.seed());
    CipherSystem system = request.system();
    if (request.message() == null && system == CipherSystem.CODEBOOK_PAD) {
      return Walkthrough.of(scenario);
    }
    String message = request.message() != null ? request.message()
        : system == CipherSystem.CTC_PAD ? DEFAULT_CHINESE
        : system == CipherSystem.VIC ? DEFAULT_RUSSIAN : DEFAULT_CHECKERBOARD;
    boolean cyrillic = message.codePoints()
        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC);
    Walkthrough.Builder b = Walkthrough.builder().system(system)
        .checkerboard(cyrillic ? StraddlingCheckerboard.russian()
            : StraddlingCheckerboard.english())
        .seed(request.seed())
        .calls(Scenario1949.MOSCOW_CALL, Scenario1949.TEREBIN_CALL);
    if (system == CipherSystem.VIC) {
      // Kahn's standing keys of 1953 and the Russian board; the keygroup from the seed
      VicCipher vic = VicCipher.builder().phrase(VIC_PHRASE).date(VIC_DATE)
          .personalNumber(VIC_NUMBER).board(VicBoard.RUSSIAN).build();
      b.vic(vic, vic.drawKeygroup(new Random(request.seed())));
    } else if (system == CipherSystem.CHECKERBOARD_DOUBLE_TRANSPOSITION) {
      b.transposition(DoubleTransposition.ofKeywords(HAND_KEY1, HAND_KEY2));
    } else {
      b.sender(scenario.terebinOffice(PadLedger.inMemory(Scenario1949.filingClock())))
          .receiver(scenario.moscowOffice());
    }
    return b.build(message, "<page>");
  }

  private static boolean isOrigin(Topology t, String station) {
    Topology.StationSpec s = t.station(station);
    return s != null && s.role() == Role.ORIGIN;
  }

  private static String origin(Topology t) {
    for (Topology.StationSpec s : t.stations()) {
      if (s.role() == Role.ORIGIN) {
        return s.name();
      }
    }
    return t.stations().get(0).name();
  }

  private static String addressee(Topology t) {
    String a = t.soleAddressee();
    return a != null ? a : t.stations().get(t.stations().size() - 1).name();
  }
}
