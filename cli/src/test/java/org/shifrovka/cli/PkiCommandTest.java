package org.shifrovka.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shifrovka.cli.CliRun.arg;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shifrovka.sim.pki.StationCredentials;

/** {@code shifrovka pki init} and {@code pki issue}. */
class PkiCommandTest {

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void init_writesAnOwnerOnlyKeyAndPrintsTheFingerprint_neverTheKey(@TempDir Path tmp)
      throws Exception {
    Path dir = tmp.resolve("pki");
    CliRun.Result r = CliRun.run("pki", "init", "--dir", arg(dir)).exits(ExitCodes.OK);
    assertThat(mode(dir)).isEqualTo("rwx------");
    assertThat(mode(dir.resolve("ca.key"))).isEqualTo("rw-------");
    assertThat(mode(dir.resolve("ca.crt"))).isEqualTo("rw-r--r--");
    assertThat(Files.readString(dir.resolve("ca.key"))).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(r.out()).startsWith("wrote " + arg(dir.resolve("ca.key"))
        + " (readable by its owner only)\nwrote " + arg(dir.resolve("ca.crt")) + "\n"
        + "subject: CN=GRU RADIO CENTRE,O=shifrovka simulation\n"
        + "issuer: CN=GRU RADIO CENTRE,O=shifrovka simulation\n"
        + "valid: 2026-11-26T11:00:00Z to 2036-11-23T12:00:00Z\n")
        .containsPattern("\nSHA-256 fingerprint: [0-9a-f]{64}\n$")
        .doesNotContain("PRIVATE");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void init_refusesToReplaceAnAuthority_unlessForced(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("pki");
    CliRun.run("pki", "init", "--dir", arg(dir)).exits(ExitCodes.OK);
    byte[] key = Files.readAllBytes(dir.resolve("ca.key"));

    CliRun.Result refused = CliRun.run("pki", "init", "--dir", arg(dir), "--name", "OTHER")
        .exits(ExitCodes.USAGE);
    assertThat(refused.err()).isEqualTo("error: " + arg(dir.resolve("ca.key")) + " exists: "
        + arg(dir) + " already holds an authority; give --force to replace it (its certificates"
        + " stop verifying)\n");
    assertThat(refused.out()).isEmpty();
    assertThat(Files.readAllBytes(dir.resolve("ca.key"))).isEqualTo(key);

    CliRun.Result forced = CliRun.run("pki", "init", "--dir", arg(dir), "--name", "OTHER",
        "--force").exits(ExitCodes.OK);
    assertThat(forced.out()).contains("subject: CN=OTHER,O=shifrovka simulation\n");
    assertThat(forced.err()).isEqualTo("warning: replaced the authority in " + arg(dir)
        + "; issue the station certificates again\n");
    assertThat(Files.readAllBytes(dir.resolve("ca.key"))).isNotEqualTo(key);
  }

  @Test
  void init_badName_exit2(@TempDir Path tmp) {
    CliRun.Result r = CliRun.run("pki", "init", "--dir", arg(tmp.resolve("pki")), "--name", " ")
        .exits(ExitCodes.USAGE);
    assertThat(r.err()).startsWith("error: --name: an authority name is 1-64 characters");
    assertThat(tmp.resolve("pki")).doesNotExist();
  }

  @Test
  void init_usesTheEnvironmentsClockAndRandomness(@TempDir Path tmp) throws Exception {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    CliRun.run(seeded(), "pki", "init", "--dir", arg(a)).exits(ExitCodes.OK);
    CliRun.run(seeded(), "pki", "init", "--dir", arg(b)).exits(ExitCodes.OK);
    assertThat(Files.readAllBytes(a.resolve("ca.crt")))
        .isEqualTo(Files.readAllBytes(b.resolve("ca.crt")));
    assertThat(Files.readAllBytes(a.resolve("ca.key")))
        .isEqualTo(Files.readAllBytes(b.resolve("ca.key")));
  }

  /** The fixed clock and a SecureRandom that gives the same bytes every time. */
  private static Environment seeded() throws Exception {
    SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
    random.setSeed(1949L);
    return new Environment(InputStream.nullInputStream(), CliRun.CLOCK, random);
  }

  @Test
  void issue_writesCredentialsThatStationCredentialsAccepts(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("pki");
    CliRun.run("pki", "init", "--dir", arg(dir)).exits(ExitCodes.OK);
    CliRun.Result r = CliRun.run("pki", "issue", "--dir", arg(dir), "--station", "KUZNETSOV",
        "--station", "filippov").exits(ExitCodes.OK);

    for (String s : new String[] {"KUZNETSOV", "FILIPPOV"}) {
      StationCredentials c = StationCredentials.read(dir, s);
      assertThat(c.stationName()).isEqualTo(s);
      assertThat(c.certificate().getNotAfter().toInstant())
          .isEqualTo(Instant.parse("2027-11-26T12:00:00Z"));
      assertThat(mode(dir.resolve(s + ".key"))).isEqualTo("rw-------");
      assertThat(mode(dir.resolve(s + ".crt"))).isEqualTo("rw-r--r--");
      assertThat(r.out()).contains("wrote " + arg(dir.resolve(s + ".key"))
          + " (readable by its owner only)\nwrote " + arg(dir.resolve(s + ".crt")) + "\n"
          + "subject: CN=" + s + ",O=shifrovka simulation\n"
          + "issuer: CN=GRU RADIO CENTRE,O=shifrovka simulation\n"
          + "valid: 2026-11-26T11:00:00Z to 2027-11-26T12:00:00Z\n"
          + "SHA-256 fingerprint: ");
    }
    assertThat(r.out()).doesNotContain("PRIVATE");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void issue_cyrillicStationName(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("pki");
    CliRun.run("pki", "init", "--dir", arg(dir)).exits(ExitCodes.OK);
    CliRun.Result r = CliRun.run("pki", "issue", "--dir", arg(dir), "--station", "Филиппов")
        .exits(ExitCodes.OK);
    assertThat(StationCredentials.read(dir, "ФИЛИППОВ").stationName()).isEqualTo("ФИЛИППОВ");
    assertThat(dir.resolve("ФИЛИППОВ.key")).exists();
    assertThat(r.out()).contains("subject: CN=ФИЛИППОВ,O=shifrovka simulation\n");
  }

  @Test
  void issue_refusesToReplaceStationFiles_unlessForced(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("pki");
    CliRun.run("pki", "init", "--dir", arg(dir)).exits(ExitCodes.OK);
    CliRun.run("pki", "issue", "--dir", arg(dir), "--station", "TEREBIN").exits(ExitCodes.OK);
    byte[] key = Files.readAllBytes(dir.resolve("TEREBIN.key"));

    CliRun.Result refused = CliRun.run("pki", "issue", "--dir", arg(dir), "--station",
        "KUZNETSOV", "--station", "TEREBIN").exits(ExitCodes.USAGE);
    assertThat(refused.err()).isEqualTo("error: " + arg(dir.resolve("TEREBIN.key"))
        + " exists; give --force to replace the credentials of TEREBIN\n");
    assertThat(dir.resolve("KUZNETSOV.key")).doesNotExist();
    assertThat(Files.readAllBytes(dir.resolve("TEREBIN.key"))).isEqualTo(key);

    CliRun.run("pki", "issue", "--dir", arg(dir), "--station", "TEREBIN", "--force")
        .exits(ExitCodes.OK);
    assertThat(Files.readAllBytes(dir.resolve("TEREBIN.key"))).isNotEqualTo(key);
    StationCredentials.read(dir, "TEREBIN");
  }

  @Test
  void issue_badStationName_exit2_writesNothing(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("pki");
    CliRun.run("pki", "init", "--dir", arg(dir)).exits(ExitCodes.OK);
    for (String bad : new String[] {"TWO WORDS", "9LIVES", "", "../CA", "KUZNETSOV.crt"}) {
      CliRun.Result r = CliRun.run("pki", "issue", "--dir", arg(dir), "--station", "TEREBIN",
          "--station", bad).exits(ExitCodes.USAGE);
      assertThat(r.err()).isEqualTo("error: --station: \"" + bad + "\" is not a station name"
          + " (one word of A-Z or А-Я, digits and -, up to 32 characters, starting with a letter)"
          + " (see 'shifrovka pki issue --help')\n");
    }
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("ca.crt", "ca.key");
    }
  }

  @Test
  void issue_withoutAnAuthority_namesTheMissingFile_exit2(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("pki");
    CliRun.Result r = CliRun.run("pki", "issue", "--dir", arg(dir), "--station", "TEREBIN")
        .exits(ExitCodes.USAGE);
    assertThat(r.err()).isEqualTo("error: " + arg(dir.resolve("ca.crt")) + ": no such file or"
        + " directory; create the authority first with 'shifrovka pki init --dir " + arg(dir)
        + "'\n");
    assertThat(r.out()).isEmpty();

    CliRun.run("pki", "init", "--dir", arg(dir)).exits(ExitCodes.OK);
    Files.delete(dir.resolve("ca.key"));
    assertThat(CliRun.run("pki", "issue", "--dir", arg(dir), "--station", "TEREBIN")
        .exits(ExitCodes.USAGE).err()).startsWith("error: " + arg(dir.resolve("ca.key"))
        + ": no such file or directory;");
    assertThat(dir.resolve("TEREBIN.key")).doesNotExist();
  }

  @Test
  void issue_withADamagedAuthority_namesTheFile_exit3(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("pki");
    CliRun.run("pki", "init", "--dir", arg(dir)).exits(ExitCodes.OK);
    Path crt = dir.resolve("ca.crt");
    Path key = dir.resolve("ca.key");
    String goodCrt = Files.readString(crt);

    Files.writeString(crt, "not a certificate\n");
    assertThat(issue(dir).err()).isEqualTo("error: " + arg(crt)
        + " is not a PEM CERTIFICATE file\n");

    Files.write(crt, new byte[] {0x30, (byte) 0x82, 0x01, 0x00, 0x00});
    assertThat(issue(dir).err()).isEqualTo("error: " + arg(crt)
        + ": not a PEM file (binary data)\n");

    Files.writeString(crt, goodCrt.replace(goodCrt.substring(100, 120), "AAAAAAAAAAAAAAAAAAAA"));
    assertThat(issue(dir).err()).startsWith("error: cannot read " + arg(crt));

    Files.writeString(crt, goodCrt);
    CliRun.run("pki", "init", "--dir", arg(tmp.resolve("other"))).exits(ExitCodes.OK);
    Files.copy(tmp.resolve("other").resolve("ca.key"), key, StandardCopyOption.REPLACE_EXISTING);
    assertThat(issue(dir).err()).isEqualTo("error: " + arg(key)
        + " does not belong to the authority certificate\n");
    assertThat(dir.resolve("TEREBIN.key")).doesNotExist();
  }

  private static CliRun.Result issue(Path dir) {
    CliRun.Result r = CliRun.run("pki", "issue", "--dir", arg(dir), "--station", "TEREBIN")
        .exits(ExitCodes.BAD_DATA);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.out()).isEmpty();
    return r;
  }

  @Test
  void issue_withoutStation_exit2() {
    assertThat(CliRun.run("pki", "issue").exits(ExitCodes.USAGE).err())
        .contains("Missing required option: '--station=<name>'");
  }

  @Test
  void pkiAlone_printsItsUsage_exit2() {
    assertThat(CliRun.run("pki").exits(ExitCodes.USAGE).err())
        .startsWith("Usage: shifrovka pki").contains("init").contains("issue");
  }
}
