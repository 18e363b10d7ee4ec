package org.shifrovka.sim.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationAuthorityTest {
  private static final Instant NOW = Instant.parse("2026-11-26T16:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static SimulationAuthority authority;
  private static StationCredentials kuznetsov;

  @TempDir
  Path dir;

  @BeforeAll
  static void issue() throws Exception {
    authority = SimulationAuthority.create("GRU RADIO CENTRE", CLOCK, new SecureRandom());
    kuznetsov = authority.issue("KUZNETSOV");
  }

  @Test
  void authority_isASelfSignedCaValidFromTheClock() throws Exception {
    X509Certificate ca = authority.certificate();
    ca.verify(ca.getPublicKey());
    assertThat(ca.getBasicConstraints()).isEqualTo(0);
    assertThat(ca.getSubjectX500Principal().getName()).isEqualTo(
        "CN=GRU RADIO CENTRE,O=shifrovka simulation");
    assertThat(ca.getSigAlgName()).isEqualTo("SHA256withECDSA");
    assertThat(ca.getNotBefore().toInstant()).isEqualTo(NOW.minusSeconds(3600));
    assertThat(ca.getNotAfter().toInstant()).isEqualTo(NOW.plus(
        SimulationAuthority.AUTHORITY_VALIDITY));
  }

  @Test
  void issue_namesTheStationInCommonNameAndSubjectAltName() throws Exception {
    X509Certificate cert = kuznetsov.certificate();
    cert.verify(authority.certificate().getPublicKey());
    assertThat(kuznetsov.stationName()).isEqualTo("KUZNETSOV");
    assertThat(cert.getSubjectX500Principal().getName()).isEqualTo(
        "CN=KUZNETSOV,O=shifrovka simulation");
    assertThat(cert.getIssuerX500Principal()).isEqualTo(
        authority.certificate().getSubjectX500Principal());
    assertThat(cert.getSubjectAlternativeNames()).containsExactly(List.of(2, "KUZNETSOV"));
    assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1",
        "1.3.6.1.5.5.7.3.2"); // serverAuth, clientAuth
    assertThat(cert.getBasicConstraints()).isEqualTo(-1);
    assertThat(cert.getPublicKey().getAlgorithm()).isEqualTo("EC");
    assertThat(cert.getNotAfter().toInstant()).isEqualTo(NOW.plus(
        SimulationAuthority.STATION_VALIDITY));
    assertThat(authority.issue("TEREBIN").certificate().getSerialNumber())
        .isNotEqualTo(cert.getSerialNumber());
  }

  @Test
  void issue_ofACyrillicStation_putsItsIdnaFormInTheSubjectAltName() throws Exception {
    StationCredentials c = authority.issue("ФИЛИППОВ");
    assertThat(c.stationName()).isEqualTo("ФИЛИППОВ");
    assertThat((String) c.certificate().getSubjectAlternativeNames().iterator().next().get(1))
        .startsWith("xn--");
    assertThat(StationNames.of(c.certificate())).isEqualTo("ФИЛИППОВ");
  }

  @Test
  void issue_ofANonStationName_isRefused() {
    assertThatThrownBy(() -> authority.issue("kuznetsov.example"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a station name is one upper-case word, got \"kuznetsov.example\"");
  }

  @Test
  void toString_neverShowsAPrivateKey() {
    String key = Base64.getEncoder().encodeToString(kuznetsov.privateKey().getEncoded());
    String keyHex = HexFormat.of().formatHex(kuznetsov.privateKey().getEncoded());
    for (String s : List.of(kuznetsov.toString(), authority.toString())) {
      assertThat(s).doesNotContain(key.substring(40, 60)).doesNotContain(keyHex.substring(80, 110))
          .doesNotContainIgnoringCase("private");
    }
    assertThat(kuznetsov.toString()).startsWith("StationCredentials[KUZNETSOV, certificate SHA-256 ");
  }

  @Test
  void credentials_writeAndRead_roundTripWithOwnerOnlyKeys() throws Exception {
    Path stations = dir.resolve("pki");
    authority.write(stations);
    kuznetsov.write(stations);
    StationCredentials read = StationCredentials.read(stations, "KUZNETSOV");
    assertThat(read.certificate()).isEqualTo(kuznetsov.certificate());
    assertThat(read.authorityCertificate()).isEqualTo(authority.certificate());
    assertThat(read.privateKey().getEncoded()).isEqualTo(kuznetsov.privateKey().getEncoded());
    assertThat(Files.readString(stations.resolve("KUZNETSOV.key")))
        .startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(Files.readString(stations.resolve("KUZNETSOV.crt")))
        .startsWith("-----BEGIN CERTIFICATE-----");
    if (stations.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(perms(stations.resolve("KUZNETSOV.key"))).isEqualTo("rw-------");
      assertThat(perms(stations.resolve("ca.key"))).isEqualTo("rw-------");
      assertThat(perms(stations.resolve("KUZNETSOV.crt"))).isEqualTo("rw-r--r--");
      assertThat(perms(stations)).isEqualTo("rwx------");
    }
    try (var files = Files.list(stations)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("ca.crt", "ca.key", "KUZNETSOV.crt", "KUZNETSOV.key");
    }
    SimulationAuthority again = SimulationAuthority.read(stations, CLOCK, new SecureRandom());
    assertThat(again.name()).isEqualTo("GRU RADIO CENTRE");
    again.issue("FILIPPOV").certificate().verify(authority.certificate().getPublicKey());
  }

  @Test
  void read_ofCredentialsWithAnotherStationsKey_isRefused() throws Exception {
    Path stations = dir.resolve("pki");
    kuznetsov.write(stations);
    Files.copy(stations.resolve("KUZNETSOV.crt"), stations.resolve("TEREBIN.crt"));
    Files.copy(stations.resolve("KUZNETSOV.key"), stations.resolve("TEREBIN.key"));
    assertThatThrownBy(() -> StationCredentials.read(stations, "TEREBIN"))
        .isInstanceOf(IOException.class)
        .hasMessageEndingWith("names the station KUZNETSOV, not TEREBIN");
    authority.issue("TEREBIN").write(dir.resolve("other"));
    Files.copy(dir.resolve("other").resolve("TEREBIN.key"), stations.resolve("KUZNETSOV.key"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThatThrownBy(() -> StationCredentials.read(stations, "KUZNETSOV"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("the private key does not belong to the certificate of KUZNETSOV");
  }

  @Test
  void read_ofAStationIssuedByAnotherAuthority_isRefused() throws Exception {
    Path stations = dir.resolve("pki");
    kuznetsov.write(stations);
    SimulationAuthority.create("OTHER", CLOCK, new SecureRandom()).write(stations);
    assertThatThrownBy(() -> StationCredentials.read(stations, "KUZNETSOV"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("was not issued by CN=OTHER");
  }

  private static String perms(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
