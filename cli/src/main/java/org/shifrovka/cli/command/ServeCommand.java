package org.shifrovka.cli.command;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.shifrovka.MalformedInputException;
import org.shifrovka.cli.CliException;
import org.shifrovka.cli.ExitCodes;
import org.shifrovka.scenario.Scenario1949;
import org.shifrovka.sim.Topology;
import org.shifrovka.sim.classroom.ClassroomServer;
import org.shifrovka.sim.classroom.Sessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code shifrovka serve}: the classroom web view, the live chain in a browser. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {
      "Serve the classroom web view: the 1949 chain live in a browser, for a projector.",
      "The office: the walkthrough of the message stage by stage (Next/Back or the arrow keys)."
          + " The air: the stations and links, telegrams moving in simulated time, garbles,"
          + " repeat requests, receipts and registry numbers, a sequence diagram and the timeline"
          + " in local and Moscow time. Controls: per-link loss, garble and delay, the seed, a"
          + " message of your own, and a switch that makes the clerk reuse a pad sheet.",
      "Each browser tab gets its own run. The page is served from the jar and needs no network."
          + " The server listens on loopback unless --bind says otherwise; Ctrl-C stops it."
    },
    footerHeading = "%nExample:%n",
    footer = {"  shifrovka serve", "  shifrovka serve --port 9000 --seed 7",
        "  shifrovka serve --topology sim-server/topologies/four-stations.yaml"})
public final class ServeCommand extends AbstractCommand {
  @Option(names = "--port", paramLabel = "<n>", defaultValue = "8080",
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--bind", paramLabel = "<address>", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only). Any"
          + " other address opens the page to the network.")
  String bind;

  @Option(names = "--seed", paramLabel = "<n>", defaultValue = "" + Scenario1949.DEFAULT_SEED,
      description = "Seed of a tab's first run: codebook, pads and links (default:"
          + " ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--topology", paramLabel = "<file>",
      description = "Topology file (YAML); default: the built-in 1949 chain.")
  Path topology;

  @Option(names = "--sessions", paramLabel = "<n>", defaultValue = "" + Sessions.DEFAULT_LIMIT,
      description = "Most browser tabs at once (default: ${DEFAULT-VALUE}).")
  int sessions;

  @Override
  public Integer call() throws IOException, InterruptedException, MalformedInputException,
      CliException {
    if (port < 0 || port > 65535) {
      throw usage("--port must be 0-65535, not " + port);
    }
    if (sessions < 1) {
      throw usage("--sessions must be at least 1, not " + sessions);
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw usage("--bind: no such address: " + bind);
    }
    Topology t = topology == null ? Topology.default1949() : Topology.parse(topology);
    ClassroomServer server;
    try {
      server = ClassroomServer.builder().host(address).port(port).seed(seed).topology(t)
          .sessionLimit(sessions).log(line -> {
            err().print(line + "\n");
            err().flush();
          }).start();
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    } catch (IOException e) {
      throw new CliException(ExitCodes.FAILURE, e.getMessage());
    }
    if (!address.isLoopbackAddress()) {
      warn("listening on " + address.getHostAddress() + ": the page is open to the network;"
          + " anyone who can reach this machine can use it (--bind 127.0.0.1 keeps it local)");
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      err().print("classroom server stopped (" + server.sessions().ended()
          + " sessions served)\n");
      err().flush();
      stopped.countDown();
    }, "shifrovka-serve-shutdown"));
    print("shifrovka classroom: open " + server.url() + " in a browser (Ctrl-C stops)\n");
    stopped.await();
    return ExitCodes.OK;
  }
}
