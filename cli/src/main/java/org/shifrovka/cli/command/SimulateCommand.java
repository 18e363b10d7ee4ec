package org.shifrovka.cli.command;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.shifrovka.MalformedInputException;
import org.shifrovka.cli.CliIo;
import org.shifrovka.cli.ExitCodes;
import org.shifrovka.cli.Progress;
import org.shifrovka.cli.lesson.TimelineLayout;
import org.shifrovka.scenario.Scenario1949;
import org.shifrovka.sim.ChainSimulation;
import org.shifrovka.sim.OutcomeReport;
import org.shifrovka.sim.Topology;
import org.shifrovka.sim.server.LinkTransport;
import org.shifrovka.sim.server.Role;
import org.shifrovka.sim.process.StationLoad;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code shifrovka simulate}: any topology of Netty stations on loopback. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = {
      "Run stations on loopback sockets over simulated radio links and print the timeline.",
      "Without --topology, the 1949 chain TEREBIN -> KUZNETSOV -> FILIPPOV (see"
          + " sim-server/README.md for the topology file). Times are simulated; --speed sets"
          + " simulated seconds per real second (max: no waiting). The same seed gives the same"
          + " report. The exit code is 0 if every message arrived exactly once with its text,"
          + " else 1."
    },
    footerHeading = "%nExample:%n",
    footer = {"  shifrovka simulate --topology sim-server/topologies/four-stations.yaml"
        + " --seed 7 --speed max",
        "  shifrovka simulate --load 500 --duration 10 --tls"})
public final class SimulateCommand extends AbstractCommand {
  @Option(names = "--topology", paramLabel = "<file>",
      description = "Topology file (YAML); default: the built-in 1949 chain.")
  Path topology;

  @Option(names = "--seed", paramLabel = "<n>", defaultValue = "" + Scenario1949.DEFAULT_SEED,
      description = "Seed of codebook, pads and every link decision (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--speed", paramLabel = "<n|max>", defaultValue = "max",
      description = "Simulated seconds per real second, or max (default: ${DEFAULT-VALUE}).")
  String speed;

  @Option(names = "--messages", paramLabel = "<file>", arity = "1..*",
      description = "Message files sent from the first origin to the first addressee instead of"
          + " the topology's messages, one every 10 simulated minutes.")
  List<Path> messages;

  @Option(names = "--loss", paramLabel = "<p>",
      description = "Loss probability of every link (0-1), overriding the topology.")
  Double loss;

  @Option(names = "--garble", paramLabel = "<p>",
      description = "Symbol garble probability of every link (0-1), overriding the topology.")
  Double garble;

  @Option(names = "--events", paramLabel = "<file>",
      description = "Write the event log as JSON lines to this file.")
  Path events;

  @Option(names = "--real-timeout", paramLabel = "<seconds>", defaultValue = "120",
      description = "Stop a run after this many real seconds, reporting it unfinished; 0: no"
          + " limit, for large topologies (default: ${DEFAULT-VALUE}).")
  long realTimeout;

  @Option(names = "--timeline", paramLabel = "<auto|full>", defaultValue = "auto",
      description = "full: print the whole timeline; auto (default): past "
          + TIMELINE_LINES + " lines, its first and last lines and a count.")
  String timelineMode;

  @Option(names = "--transport", paramLabel = "<auto|tcp|in-process>", defaultValue = "auto",
      description = "What carries the frames: tcp (loopback sockets, a connection per link),"
          + " in-process (Netty local channels: no open file per link, for topologies past the"
          + " process's limit), or auto (default): tcp up to " + LinkTransport.TCP_STATIONS
          + " stations. A seed gives the same report on both.")
  String transport;

  @Option(names = "--every-frame", description = "Show every frame on the air in the timeline.")
  boolean everyFrame;

  @Option(names = "--load", paramLabel = "<messages/s>",
      description = "Load test instead of a simulation: run the topology's stations as real"
          + " stations (journals on, real time, loopback), file this many generated messages per"
          + " second at the origin for --duration, and report throughput and latency"
          + " percentiles. Link impairments do not apply.")
  Double load;

  @Option(names = "--duration", paramLabel = "<seconds>", defaultValue = "10",
      description = "How long --load files messages (default: ${DEFAULT-VALUE}).")
  double duration;

  @Option(names = "--tls", description = "With --load: mutual TLS between the stations (a fresh"
      + " simulation authority in the work directory).")
  boolean tls;

  @Option(names = "--work-dir", paramLabel = "<dir>",
      description = "With --load: where the journals go (default: a temporary directory,"
          + " deleted afterwards).")
  Path workDir;

  @Override
  public Integer call() throws IOException, MalformedInputException, InterruptedException {
    Topology t = topology == null ? Topology.default1949() : Topology.parse(topology);
    if (load != null) {
      return runLoad(t);
    }
    ChainSimulation.Builder b = builder(this, t, seed, speed, loss, garble);
    if (messages != null) {
      t = t.withMessages(messagesFrom(t, messages));
      b.topology(t);
    }
    warnPadShortages(t);
    b.verbose(everyFrame);
    if (!timelineMode.equals("auto") && !timelineMode.equals("full")) {
      throw usage("--timeline must be auto or full, got \"" + timelineMode + "\"");
    }
    b.timelineLines(timelineMode.equals("auto") ? TIMELINE_LINES : 0);
    switch (transport) {
      case "tcp" -> b.transport(LinkTransport.TCP);
      case "in-process" -> b.transport(LinkTransport.IN_PROCESS);
      case "auto" -> {
        if (LinkTransport.forStations(t.stations().size()) == LinkTransport.IN_PROCESS) {
          warn(t.stations().size() + " stations: the links run in process (Netty local"
              + " channels), not over TCP; --transport tcp puts them on sockets");
        }
      }
      default -> throw usage("--transport must be auto, tcp or in-process, got \"" + transport
          + "\"");
    }
    if (realTimeout < 0) {
      throw usage("--real-timeout must be 0 or more seconds, got " + realTimeout);
    }
    b.realTimeout(realTimeout == 0 ? java.time.Duration.ofDays(365)
        : java.time.Duration.ofSeconds(realTimeout));
    OutcomeReport r;
    if (env().terminal().progress()) {
      // only on a terminal: listening to every event costs an entry each
      try (SimulationProgress progress = new SimulationProgress(
          Progress.start(err(), env().terminal(), "simulating", 1), System::nanoTime)) {
        r = run(b.onEvent(progress), events);
      }
    } else {
      r = run(b, events);
    }
    print(TimelineLayout.render(r.timeline(), env().terminal().width()));
    print("\n" + r.render());
    return r.finished() && r.allDeliveredExactlyOnce() ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  /** Warns of the links whose pad books run out before the messages routed over them. */
  private void warnPadShortages(Topology t) {
    List<Topology.LinkLoad> shortages = t.padShortages();
    for (int i = 0; i < Math.min(3, shortages.size()); i++) {
      Topology.LinkLoad l = shortages.get(i);
      warn(l.messages() + " messages are routed over " + l.from() + "->" + l.to() + " but its"
          + " pad book has " + t.padSheets() + " sheets (pads: sheets): those that reach it after"
          + " its last sheet will be undeliverable");
    }
    if (shortages.size() > 3) {
      warn((shortages.size() - 3) + " more links run out of pad sheets likewise");
    }
  }

  /** Lines of timeline printed whole with {@code --timeline auto}. */
  static final int TIMELINE_LINES = 2000;

  private int runLoad(Topology t) throws IOException, InterruptedException {
    if (!(duration > 0 && duration <= 3600)) {
      throw usage("--duration must be 0-3600 seconds, got " + duration);
    }
    StationLoad run;
    Path dir = workDir != null ? workDir : Files.createTempDirectory("shifrovka-load");
    try {
      run = StationLoad.of(t, load, Duration.ofNanos((long) (duration * 1e9)), dir, tls, seed);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    StationLoad.Result r;
    try {
      r = run.run();
    } finally {
      if (workDir == null) {
        CliIo.deleteTree(dir);
      }
    }
    print(r.render());
    return r.exactlyOnce() ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  /** Returns a builder with the options every network command shares. */
  static ChainSimulation.Builder builder(AbstractCommand cmd, Topology t, long seed,
      String speed, Double loss, Double garble) {
    ChainSimulation.Builder b = ChainSimulation.builder().topology(t).seed(seed);
    try {
      b.speed(speed);
    } catch (IllegalArgumentException e) {
      throw cmd.usage("--speed must be a positive number or max, got \"" + speed + "\"");
    }
    if (loss != null) {
      checkProbability(cmd, "--loss", loss);
      b.loss(loss);
    }
    if (garble != null) {
      checkProbability(cmd, "--garble", garble);
      b.garble(garble);
    }
    return b;
  }

  private static void checkProbability(AbstractCommand cmd, String option, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw cmd.usage(option + " must be between 0 and 1, got " + p);
    }
  }

  /** Runs, writing the event log to {@code events} if given. */
  static OutcomeReport run(ChainSimulation.Builder b, Path events)
      throws IOException, InterruptedException {
    if (events == null) {
      return b.build().run();
    }
    try (Writer w = Files.newBufferedWriter(events, StandardCharsets.UTF_8)) {
      return b.eventLog(w).build().run();
    }
  }

  private List<Topology.MessageSpec> messagesFrom(Topology t, List<Path> files)
      throws IOException {
    String from = first(t, Role.ORIGIN);
    String to = first(t, Role.ADDRESSEE);
    if (from == null || to == null) {
      throw usage("--messages needs a topology with an origin and an addressee station");
    }
    List<Topology.MessageSpec> out = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      out.add(new Topology.MessageSpec(from, to, Files.readString(files.get(i),
          StandardCharsets.UTF_8), files.get(i).getFileName().toString(),
          Duration.ofMinutes(10L * i)));
    }
    return out;
  }

  private static String first(Topology t, Role role) {
    for (Topology.StationSpec s : t.stations()) {
      if (s.role() == role) {
        return s.name();
      }
    }
    return null;
  }
}
