package org.shifrovka.cli.command;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.shifrovka.MalformedInputException;
import org.shifrovka.cli.CliException;
import org.shifrovka.cli.CliIo;
import org.shifrovka.cli.ExitCodes;
import org.shifrovka.cli.Json;
import org.shifrovka.scenario.Scenario1949;
import org.shifrovka.sim.Topology;
import org.shifrovka.sim.process.ProcessStation;
import org.shifrovka.sim.process.StationLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** {@code shifrovka station}: one station of a topology as its own process. */
@Command(name = "station", mixinStandardHelpOptions = true,
    description = {
      "Run one station of a topology as its own process, in real time, until SIGTERM or"
          + " Ctrl-C; then drain (stop accepting, wait for outstanding receipts up to --drain),"
          + " flush the journal and exit.",
      "Every telegram is journaled (SQLite, one file per station) before its receipt goes back;"
          + " after a crash or a restart the station resends what was not acknowledged and"
          + " finishes what had arrived. With --pki, links use mutual TLS and only the stations"
          + " linked in the topology are admitted; without it, every address must be loopback.",
      "Standard output: one JSON line per message filed here (\"event\":\"filed\") or delivered"
          + " here (\"event\":\"delivered\"), a convenience; the record of deliveries, each"
          + " exactly once across crashes, is <NAME>.deliveries beside the journal. Standard"
          + " error: the log, refusals of bad peers"
          + " included. See README.md, \"Run the stations on separate machines\"."
    },
    footerHeading = "%nExample:%n",
    footer = {"  shifrovka station --config chain.yaml --name KUZNETSOV --pki pki",
        "  seq 1 10 | sed 's/^/Report /' | shifrovka station --config chain.yaml --name TEREBIN"
            + " --pki pki --messages -"})
public final class StationCommand extends AbstractCommand {

  @Option(names = "--config", paramLabel = "<file>", required = true,
      description = "Topology file (YAML) shared by every station of the chain; listen ports"
          + " must be fixed, and \"address\" says where others dial a station.")
  Path config;

  @Option(names = "--name", paramLabel = "<NAME>", required = true,
      description = "Which station of the topology to run.")
  String name;

  @Option(names = "--journal", paramLabel = "<file>",
      description = "The station's journal (default: <NAME>.journal in the current directory).")
  Path journal;

  @Option(names = "--pki", paramLabel = "<dir>",
      description = "Directory with ca.crt, <NAME>.crt and <NAME>.key (shifrovka pki): mutual"
          + " TLS. Without it, plain TCP, allowed only when every address is loopback.")
  Path pki;

  @Option(names = "--seed", paramLabel = "<n>", defaultValue = "" + Scenario1949.DEFAULT_SEED,
      description = "Seed of the codebook and pad books; the same at every station"
          + " (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--messages", paramLabel = "<file|->",
      description = "File each non-blank line of this file (- for standard input, read as it"
          + " comes) as one message. A line is filed once: after a restart, lines already filed"
          + " are skipped (the journal remembers <file>:<line>).")
  Path messages;

  @Option(names = "--to", paramLabel = "<NAME>",
      description = "Addressee of --messages (default: the topology's only addressee).")
  String to;

  @Option(names = "--window", paramLabel = "<n>", defaultValue = "256",
      description = "Telegrams per link on the wire without a receipt (default: ${DEFAULT-VALUE}).")
  int window;

  @Option(names = "--drain", paramLabel = "<duration>", defaultValue = "5s",
      converter = DurationConverter.class,
      description = "How long shutdown waits for outstanding receipts (default: ${DEFAULT-VALUE}).")
  Duration drain;

  @Option(names = "--max-frame", paramLabel = "<bytes>", defaultValue = "16384",
      description = "Largest frame accepted (default: ${DEFAULT-VALUE}).")
  int maxFrame;

  @Option(names = "--rate", paramLabel = "<frames/s>", defaultValue = "20000",
      description = "Frames per second one connection may send (default: ${DEFAULT-VALUE}).")
  int rate;

  @Option(names = "--burst", paramLabel = "<frames>", defaultValue = "4000",
      description = "Frames one connection may send at once above --rate"
          + " (default: ${DEFAULT-VALUE}).")
  int burst;

  @Option(names = "--max-pending", paramLabel = "<frames>", defaultValue = "1024",
      description = "Frames of one connection waiting to be journaled (default: ${DEFAULT-VALUE}).")
  int maxPending;

  @Option(names = "--max-connections", paramLabel = "<n>", defaultValue = "64",
      description = "Accepted connections open at once (default: ${DEFAULT-VALUE}).")
  int maxConnections;

  @Option(names = "--max-connections-per-address", paramLabel = "<n>",
      description = "Connections from one peer address not yet named (still in their handshake)"
          + " open at once; a new one beyond it closes that address's oldest (default: a quarter"
          + " of --max-connections).")
  Integer maxConnectionsPerAddress;

  @Option(names = "--idle", paramLabel = "<duration>", defaultValue = "60s",
      converter = DurationConverter.class,
      description = "Close a connection silent this long (default: ${DEFAULT-VALUE}).")
  Duration idle;

  @Option(names = "--handshake", paramLabel = "<duration>", defaultValue = "10s",
      converter = DurationConverter.class,
      description = "Time a new connection has for its TLS handshake, or on plain TCP to name"
          + " itself (default: ${DEFAULT-VALUE}).")
  Duration handshake;

  /** Reads a duration as a topology file writes it: {@code 250ms}, {@code 5s}, {@code 1h30m}. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      Duration d = Topology.parseDuration(value);
      if (d == null) {
        throw new picocli.CommandLine.TypeConversionException("expected a duration like 250ms,"
            + " 5s or 2m, found '" + value + "'");
      }
      return d;
    }
  }

  @Override
  public Integer call() throws IOException, MalformedInputException, InterruptedException,
      CliException {
    Topology t = Topology.parse(config);
    StationLimits limits;
    try {
      limits = new StationLimits(maxFrame, rate, burst, maxPending, idle, handshake,
          maxConnections);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    if (maxConnectionsPerAddress != null) {
      if (maxConnectionsPerAddress < 1 || maxConnectionsPerAddress > maxConnections) {
        throw usage("--max-connections-per-address must be 1-" + maxConnections
            + " (--max-connections), not " + maxConnectionsPerAddress);
      }
      limits = limits.withMaxConnectionsPerAddress(maxConnectionsPerAddress);
    }
    String addressee = to != null ? to : t.soleAddressee();
    if (messages != null) {
      if (addressee == null) {
        throw usage("--messages needs --to: the topology has no single addressee");
      }
      if (t.stations().stream().anyMatch(s -> s.name().equals(name))
          && t.nextHop(name, addressee) == null) {
        throw usage(config + ": " + name + " has no route to " + addressee);
      }
      if (!CliIo.isDash(messages) && !Files.isRegularFile(messages)) {
        throw usage(messages + ": no such file");
      }
    }
    if (idle.compareTo(Duration.ofSeconds(15)) < 0) {
      throw usage("--idle must be at least 15s: neighbours send a heartbeat every 5 s");
    }
    if (burst < window) {
      warn("--burst " + burst + " is below --window " + window + ": a neighbour with the same"
          + " window resending after a reconnect would be refused as too fast");
    }
    Path journalFile = journal != null ? journal : Path.of(name + ".journal");
    if (pki != null && !Files.isRegularFile(pki.resolve(name + ".crt"))) {
      throw new CliException(ExitCodes.USAGE, pki.resolve(name + ".crt") + ": no certificate"
          + " for " + name + "; run: shifrovka pki issue --dir " + pki + " --station " + name);
    }
    ProcessStation station;
    try {
      station = ProcessStation.builder().topology(t).name(name).journal(journalFile)
          .pki(pki).limits(limits).seed(seed).window(window).drain(drain)
          .filings(f -> emit(Json.filedLine(f)))
          .deliveries(d -> emit(Json.deliveredLine(d))).build();
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw usage(config + ": " + e.getMessage());
    }
    CountDownLatch stopped = new CountDownLatch(1);
    try {
      station.start();
    } catch (IOException e) {
      throw new CliException(ExitCodes.FAILURE, e.getMessage());
    }
    Thread hook = new Thread(() -> {
      station.close(); // java.util.logging is already shut down here: report on stderr directly
      out().flush();
      err().print(name + " stopped: " + station.counters() + "; refused "
          + station.refusals().counts() + "\n");
      err().flush();
      stopped.countDown();
    }, "shifrovka-station-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    if (messages != null) {
      fileMessages(station, addressee);
    }
    stopped.await();
    return ExitCodes.OK;
  }

  private synchronized void emit(String line) {
    out().print(line);
    out().flush();
  }

  /** Files every non-blank line, in order, each once; reports bad lines and goes on. */
  private void fileMessages(ProcessStation station, String addressee)
      throws IOException, InterruptedException {
    boolean stdin = CliIo.isDash(messages);
    // a file's lines are filed once across restarts; standard input is new text on every run
    String label = stdin ? "<stdin " + env().clock().instant() + ">" : messages.toString();
    BufferedReader r = stdin
        ? new BufferedReader(new InputStreamReader(env().stdin(), StandardCharsets.UTF_8))
        : Files.newBufferedReader(messages, StandardCharsets.UTF_8);
    try (BufferedReader in = r) {
      String line;
      int n = 0;
      CompletableFuture<String> last = null;
      while ((line = in.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        String source = label + ":" + n;
        last = station.file(line, source, addressee);
        last.whenComplete((ref, e) -> {
          if (e != null) {
            Throwable c = e instanceof ExecutionException ? e.getCause() : e;
            err().print(source + ": not filed: " + c.getMessage() + "\n");
            err().flush();
          } else if (ref == null) {
            err().print(source + ": not filed: filed before (the journal remembers it), or it"
                + " cannot be enciphered (see the log)\n");
            err().flush();
          }
        });
      }
      if (last != null) {
        try {
          last.get();
        } catch (ExecutionException e) {
          // reported above
        }
      }
    }
  }

}
