package org.shifrovka.sim.pki;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A station's identity: its private key, its certificate, and the certificate of the authority that
 * issued it (the trust anchor for its peers).
 *
 * <p>The private key is not part of the public API: {@link StationTrust} is the only reader.
 * {@link #toString()} shows the station name and certificate fingerprint, never the key.
 * Instances are immutable.
 *
 * <h2>Files</h2>
 *
 * {@link #write} puts three PEM files into a directory: {@code <STATION>.crt}, {@code
 * <STATION>.key} (PKCS#8, owner-only) and {@code ca.crt}.
 */
public final class StationCredentials {
  /** The file name of the authority's certificate in a credentials directory. */
  public static final String AUTHORITY_CERTIFICATE_FILE = "ca.crt";

  private final String stationName;
  private final PrivateKey privateKey;
  private final X509Certificate certificate;
  private final X509Certificate authorityCertificate;

  private StationCredentials(String stationName, PrivateKey privateKey,
      X509Certificate certificate, X509Certificate authorityCertificate) {
    this.stationName = stationName;
    this.privateKey = privateKey;
    this.certificate = certificate;
    this.authorityCertificate = authorityCertificate;
  }

  /**
   * Checks and assembles credentials: the certificate must name a station, be signed by the
   * authority, and belong to the private key.
   *
   * @throws CertificateException if any of that does not hold
   */
  static StationCredentials of(PrivateKey privateKey, X509Certificate certificate,
      X509Certificate authorityCertificate) throws CertificateException {
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(authorityCertificate, "authorityCertificate");
    String name = StationNames.of(certificate);
    try {
      certificate.verify(authorityCertificate.getPublicKey());
    } catch (GeneralSecurityException e) {
      throw new CertificateException("the certificate of " + name + " was not issued by "
          + authorityCertificate.getSubjectX500Principal().getName(), e);
    }
    if (!keyMatches(privateKey, certificate.getPublicKey())) {
      throw new CertificateException("the private key does not belong to the certificate of "
          + name);
    }
    return new StationCredentials(name, privateKey, certificate, authorityCertificate);
  }

  static boolean keyMatches(PrivateKey privateKey, PublicKey publicKey) {
    try {
      byte[] probe = "shifrovka key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      Signature s = Signature.getInstance("SHA256withECDSA");
      s.initSign(privateKey);
      s.update(probe);
      byte[] sig = s.sign();
      Signature v = Signature.getInstance("SHA256withECDSA");
      v.initVerify(publicKey);
      v.update(probe);
      return v.verify(sig);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** Returns the station's name, as its certificate gives it. */
  public String stationName() {
    return stationName;
  }

  /** Returns the station's certificate. */
  public X509Certificate certificate() {
    return certificate;
  }

  /** Returns the certificate of the authority that issued it. */
  public X509Certificate authorityCertificate() {
    return authorityCertificate;
  }

  /** The private key; secret, for {@link StationTrust} only. */
  PrivateKey privateKey() {
    return privateKey;
  }

  /**
   * Writes {@code <STATION>.crt}, {@code <STATION>.key} (owner-only) and {@code ca.crt} into
   * {@code dir} (created owner-only if missing), each file whole or not at all.
   *
   * @throws IOException if a file cannot be written
   */
  public void write(Path dir) throws IOException {
    PemFiles.createDirectory(dir);
    PemFiles.writePrivateKey(dir.resolve(stationName + ".key"), privateKey);
    PemFiles.writeCertificate(dir.resolve(stationName + ".crt"), certificate);
    PemFiles.writeCertificate(dir.resolve(AUTHORITY_CERTIFICATE_FILE), authorityCertificate);
  }

  /**
   * Reads the credentials of {@code stationName} that {@link #write} put into {@code dir}.
   *
   * @throws IOException if a file is missing or unreadable, the certificate names another station
   *     or was not issued by {@code ca.crt}, or the key does not belong to it
   */
  public static StationCredentials read(Path dir, String stationName) throws IOException {
    StationNames.require(stationName);
    PrivateKey key = PemFiles.readPrivateKey(dir.resolve(stationName + ".key"));
    X509Certificate cert = PemFiles.readCertificate(dir.resolve(stationName + ".crt"));
    X509Certificate ca = PemFiles.readCertificate(dir.resolve(AUTHORITY_CERTIFICATE_FILE));
    StationCredentials c;
    try {
      c = of(key, cert, ca);
    } catch (CertificateException e) {
      throw StationNames.damaged("the credentials of " + stationName + " in " + dir, e);
    }
    if (!c.stationName.equals(stationName)) {
      throw new IOException(dir.resolve(stationName + ".crt") + " names the station "
          + c.stationName + ", not " + stationName);
    }
    return c;
  }

  /** Returns the SHA-256 fingerprint of a certificate, in hex. */
  static String fingerprint(X509Certificate certificate) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "StationCredentials[" + stationName + ", certificate SHA-256 "
        + fingerprint(certificate).substring(0, 16) + "..., valid until "
        + certificate.getNotAfter().toInstant() + "]";
  }
}
