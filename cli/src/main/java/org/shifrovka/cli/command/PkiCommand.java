package org.shifrovka.cli.command;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.shifrovka.cli.CliException;
import org.shifrovka.cli.ExitCodes;
import org.shifrovka.sim.pki.SimulationAuthority;
import org.shifrovka.sim.pki.StationCredentials;
import org.shifrovka.telegram.Station;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code shifrovka pki}: the simulation certificate authority and the station certificates for
 * mutual TLS between stations ({@code org.shifrovka.sim.pki}, {@code sim-server/DURABILITY.md}).
 *
 * <p>Both commands print what they wrote and each certificate's subject, validity and SHA-256
 * fingerprint on standard output, never key material. Certificates are dated by the environment's
 * clock (the wall clock: TLS checks validity against it) and keys come from its
 * {@link java.security.SecureRandom}.
 */
@Command(name = "pki", mixinStandardHelpOptions = true,
    description = "Create the simulation certificate authority and issue station certificates.",
    subcommands = {PkiCommand.Init.class, PkiCommand.Issue.class},
    footerHeading = "%nExample:%n",
    footer = {
      "  shifrovka pki init",
      "  shifrovka pki issue --station TEREBIN --station KUZNETSOV --station FILIPPOV"
    })
public final class PkiCommand extends ParentCommand {
  private static final String KEY_NOTE = " (readable by its owner only)";

  /** {@code shifrovka pki init}. */
  @Command(name = "init", mixinStandardHelpOptions = true,
      description = {
        "Create the simulation certificate authority in a directory.",
        "Its key is EC P-256 and its certificate self-signed, valid for 10 years from now;"
            + " they are written to ca.key and ca.crt.",
        "The directory is created readable by its owner only if missing; ca.key is readable by"
            + " its owner only. Files are written whole or not at all.",
        "An existing authority is replaced only with --force, and then the certificates it issued"
            + " no longer verify."
      },
      footerHeading = "%nExample:%n",
      footer = {
        "  shifrovka pki init --dir pki",
        "  wrote pki/ca.key (readable by its owner only)",
        "  wrote pki/ca.crt",
        "  subject: CN=GRU RADIO CENTRE,O=shifrovka simulation",
        "  ..."
      })
  public static final class Init extends AbstractCommand {
    @Option(names = "--dir", paramLabel = "<dir>", defaultValue = "pki",
        description = "Directory of the authority's files (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--name", paramLabel = "<name>", defaultValue = "GRU RADIO CENTRE",
        description = "The authority's common name, 1-64 characters (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--force",
        description = "Replace an existing authority; the certificates it issued stop verifying.")
    boolean force;

    @Override
    public Integer call() throws Exception {
      Path key = dir.resolve(SimulationAuthority.AUTHORITY_KEY_FILE);
      Path crt = dir.resolve(StationCredentials.AUTHORITY_CERTIFICATE_FILE);
      boolean replacing = false;
      for (Path f : List.of(key, crt)) {
        if (Files.exists(f)) {
          if (!force) {
            throw new CliException(ExitCodes.USAGE, f + " exists: " + dir + " already holds an"
                + " authority; give --force to replace it (its certificates stop verifying)");
          }
          replacing = true;
        }
      }
      SimulationAuthority authority;
      try {
        authority = SimulationAuthority.create(name, env().clock(), env().random());
      } catch (IllegalArgumentException e) {
        throw usage("--name: " + e.getMessage());
      }
      authority.write(dir);
      if (replacing) {
        warn("replaced the authority in " + dir + "; issue the station certificates again");
      }
      print("wrote " + key + KEY_NOTE + "\nwrote " + crt + "\n"
          + describe(authority.certificate()));
      return ExitCodes.OK;
    }
  }

  /** {@code shifrovka pki issue}. */
  @Command(name = "issue", mixinStandardHelpOptions = true,
      description = {
        "Issue station certificates from the simulation certificate authority.",
        "Each station gets a new EC P-256 key and a certificate naming it, valid for 1 year from"
            + " now, written to <STATION>.key and <STATION>.crt in the authority's directory (and"
            + " ca.crt again, unchanged).",
        "A station name is one upper-case word of Latin or Cyrillic letters, digits and -, up to"
            + " 32 characters, starting with a letter; lower case is upper-cased.",
        "Existing station files are replaced only with --force. The key is readable by its owner"
            + " only; files are written whole or not at all."
      },
      footerHeading = "%nExample:%n",
      footer = {
        "  shifrovka pki issue --dir pki --station KUZNETSOV --station ФИЛИППОВ",
        "  wrote pki/KUZNETSOV.key (readable by its owner only)",
        "  wrote pki/KUZNETSOV.crt",
        "  subject: CN=KUZNETSOV,O=shifrovka simulation",
        "  ..."
      })
  public static final class Issue extends AbstractCommand {
    @Option(names = "--station", paramLabel = "<name>", required = true,
        description = "A station to certify, such as KUZNETSOV; repeat for more stations.")
    List<String> stations;

    @Option(names = "--dir", paramLabel = "<dir>", defaultValue = "pki",
        description = "Directory of the authority (from 'pki init') and of the station files"
            + " (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--force", description = "Replace existing station files.")
    boolean force;

    @Override
    public Integer call() throws Exception {
      Set<String> names = new LinkedHashSet<>();
      for (String s : stations) {
        names.add(stationName(s));
      }
      if (!force) {
        for (String n : names) {
          for (Path f : List.of(dir.resolve(n + ".key"), dir.resolve(n + ".crt"))) {
            if (Files.exists(f)) {
              throw new CliException(ExitCodes.USAGE, f + " exists; give --force to replace the"
                  + " credentials of " + n);
            }
          }
        }
      }
      SimulationAuthority authority = readAuthority();
      for (String n : names) {
        StationCredentials credentials = authority.issue(n);
        credentials.write(dir);
        print("wrote " + dir.resolve(n + ".key") + KEY_NOTE + "\nwrote " + dir.resolve(n + ".crt")
            + "\n" + describe(credentials.certificate()));
      }
      return ExitCodes.OK;
    }

    /** Returns the name upper-cased, or a usage error if it is no station name. */
    private String stationName(String given) {
      String name = given.toUpperCase(Locale.ROOT);
      try {
        return new Station(name, "-", Station.MOSCOW).name(); // the rule of Station
      } catch (IllegalArgumentException e) {
        throw usage("--station: \"" + given + "\" is not a station name (one word of A-Z or А-Я,"
            + " digits and -, up to 32 characters, starting with a letter)");
      }
    }

    /**
     * Reads the authority: a missing file is a usage error, a file that is not what it should be
     * is bad data; both name the file.
     */
    private SimulationAuthority readAuthority() throws IOException, CliException {
      List<Path> files = new ArrayList<>();
      files.add(dir.resolve(StationCredentials.AUTHORITY_CERTIFICATE_FILE));
      files.add(dir.resolve(SimulationAuthority.AUTHORITY_KEY_FILE));
      for (Path f : files) {
        if (!Files.exists(f)) {
          throw new CliException(ExitCodes.USAGE, f + ": no such file or directory; create the"
              + " authority first with 'shifrovka pki init --dir " + dir + "'");
        }
        requireText(f);
      }
      try {
        return SimulationAuthority.read(dir, env().clock(), env().random());
      } catch (FileSystemException e) {
        throw e; // permission denied and the like: the usual message and exit code
      } catch (IOException e) {
        // not PEM, not a certificate or key, or a key of another certificate; the message names
        // the file
        throw new CliException(ExitCodes.BAD_DATA, oneLine(e.getMessage()));
      }
    }
  }

  /**
   * Refuses a file that is not ASCII text (PEM is), with its name: the PEM reader would fail on
   * it without naming the file.
   */
  private static void requireText(Path file) throws IOException, CliException {
    byte[] bytes = Files.readAllBytes(file);
    try {
      for (byte b : bytes) {
        if (b <= 0) {
          throw new CliException(ExitCodes.BAD_DATA, file + ": not a PEM file (binary data)");
        }
      }
    } finally {
      Arrays.fill(bytes, (byte) 0); // it may be a key
    }
  }

  /** Returns the subject, issuer, validity and SHA-256 fingerprint, one line each. */
  static String describe(X509Certificate c) {
    return "subject: " + c.getSubjectX500Principal().getName() + "\n"
        + "issuer: " + c.getIssuerX500Principal().getName() + "\n"
        + "valid: " + c.getNotBefore().toInstant() + " to " + c.getNotAfter().toInstant() + "\n"
        + "SHA-256 fingerprint: " + fingerprint(c) + "\n";
  }

  /** Returns the SHA-256 of the certificate's DER encoding in lower-case hex. */
  static String fingerprint(X509Certificate c) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot take the fingerprint of a certificate", e);
    }
  }

  private static String oneLine(String message) {
    return message == null ? "cannot read the authority" : message.replaceAll("\\s*\\R\\s*", " ");
  }
}
