package org.shifrovka.sim.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The simulation's certificate authority: an EC P-256 key pair and a self-signed certificate,
 * which issues each station its {@link StationCredentials}.
 *
 * <p>A station certificate has the station name as its subject common name and as a
 * subjectAltName DNS name (IDNA form for Cyrillic names), the extended key usages serverAuth and
 * clientAuth (a station both listens and dials), and is signed {@code SHA256withECDSA}. Keys and
 * signatures come from the JDK's providers (no provider is registered); Bouncy Castle only builds
 * the certificates.
 *
 * <p><b>The clock must be the wall clock</b>, not the simulated 1949 one: TLS checks certificate
 * validity against the system time. Certificates are valid from one hour before the clock's
 * instant (for skew) for {@link #STATION_VALIDITY} (stations) or {@link #AUTHORITY_VALIDITY}.
 *
 * <p>This is a simulation authority: no revocation, no name constraints, and its private key sits
 * in a file ({@link #write}). {@link #toString()} never shows the key. Thread-safe.
 */
public final class SimulationAuthority {
  /** How long a station certificate is valid. */
  public static final Duration STATION_VALIDITY = Duration.ofDays(365);
  /** How long the authority's certificate is valid. */
  public static final Duration AUTHORITY_VALIDITY = Duration.ofDays(3650);
  /** The file name of the authority's private key in its directory. */
  public static final String AUTHORITY_KEY_FILE = "ca.key";

  private static final String SIGNATURE = "SHA256withECDSA";
  private static final Duration SKEW = Duration.ofHours(1);

  private final String name;
  private final PrivateKey privateKey;
  private final X509Certificate certificate;
  private final Clock clock;
  private final SecureRandom random;

  private SimulationAuthority(String name, PrivateKey privateKey, X509Certificate certificate,
      Clock clock, SecureRandom random) {
    this.name = name;
    this.privateKey = privateKey;
    this.certificate = certificate;
    this.clock = clock;
    this.random = random;
  }

  /**
   * Creates an authority with a new key pair and a self-signed certificate.
   *
   * @param name the authority's common name, for example {@code GRU RADIO CENTRE}
   * @param clock the wall clock; certificate validity starts from its instant
   * @param random the source of keys, serial numbers and signature nonces
   * @throws GeneralSecurityException if the JDK cannot make EC P-256 keys or signatures
   */
  public static SimulationAuthority create(String name, Clock clock, SecureRandom random)
      throws GeneralSecurityException {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(random, "random");
    if (name.isBlank() || name.length() > 64) {
      throw new IllegalArgumentException("an authority name is 1-64 characters, got \"" + name
          + "\"");
    }
    KeyPair pair = newKeyPair(random);
    X500Name subject = distinguishedName(name);
    Instant now = clock.instant();
    X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial(random),
        Date.from(now.minus(SKEW)), Date.from(now.plus(AUTHORITY_VALIDITY)), subject,
        pair.getPublic());
    try {
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      b.addExtension(Extension.keyUsage, true,
          new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      b.addExtension(Extension.subjectKeyIdentifier, false,
          ext.createSubjectKeyIdentifier(pair.getPublic()));
    } catch (CertIOException e) {
      throw new GeneralSecurityException("cannot build the authority certificate", e);
    }
    X509Certificate cert = sign(b, pair.getPrivate(), random);
    return new SimulationAuthority(name, pair.getPrivate(), cert, clock, random);
  }

  /**
   * Issues a station's credentials: a new key pair and a certificate naming the station.
   *
   * @param stationName one upper-case word, as {@link org.shifrovka.telegram.Station} names go
   * @throws GeneralSecurityException if the JDK cannot make the key or the signature
   */
  public StationCredentials issue(String stationName) throws GeneralSecurityException {
    StationNames.require(stationName);
    KeyPair pair = newKeyPair(random);
    Instant now = clock.instant();
    X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(certificate, serial(random),
        Date.from(now.minus(SKEW)), Date.from(now.plus(STATION_VALIDITY)),
        distinguishedName(stationName), pair.getPublic());
    try {
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
          new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
      b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
          new GeneralName(GeneralName.dNSName, StationNames.dnsName(stationName))));
      b.addExtension(Extension.subjectKeyIdentifier, false,
          ext.createSubjectKeyIdentifier(pair.getPublic()));
      b.addExtension(Extension.authorityKeyIdentifier, false,
          ext.createAuthorityKeyIdentifier(certificate));
    } catch (CertIOException e) {
      throw new GeneralSecurityException("cannot build the certificate of " + stationName, e);
    }
    return StationCredentials.of(pair.getPrivate(), sign(b, privateKey, random), certificate);
  }

  /** Returns the authority's name. */
  public String name() {
    return name;
  }

  /** Returns the authority's self-signed certificate: the trust anchor of every station. */
  public X509Certificate certificate() {
    return certificate;
  }

  /**
   * Writes {@code ca.crt} and {@code ca.key} (owner-only) into {@code dir} (created owner-only if
   * missing), each file whole or not at all.
   *
   * @throws IOException if a file cannot be written
   */
  public void write(Path dir) throws IOException {
    PemFiles.createDirectory(dir);
    PemFiles.writePrivateKey(dir.resolve(AUTHORITY_KEY_FILE), privateKey);
    PemFiles.writeCertificate(dir.resolve(StationCredentials.AUTHORITY_CERTIFICATE_FILE),
        certificate);
  }

  /**
   * Reads an authority that {@link #write} put into {@code dir}.
   *
   * @throws IOException if a file is missing or unreadable, or the key does not belong to the
   *     certificate
   */
  public static SimulationAuthority read(Path dir, Clock clock, SecureRandom random)
      throws IOException {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(random, "random");
    PrivateKey key = PemFiles.readPrivateKey(dir.resolve(AUTHORITY_KEY_FILE));
    X509Certificate cert = PemFiles.readCertificate(
        dir.resolve(StationCredentials.AUTHORITY_CERTIFICATE_FILE));
    try {
      cert.verify(cert.getPublicKey());
    } catch (GeneralSecurityException e) {
      throw StationNames.damaged(dir + "/ca.crt (a self-signed certificate)", e);
    }
    if (!StationCredentials.keyMatches(key, cert.getPublicKey())) {
      throw new IOException(dir.resolve(AUTHORITY_KEY_FILE)
          + " does not belong to the authority certificate");
    }
    return new SimulationAuthority(commonName(cert), key, cert, clock, random);
  }

  private static String commonName(X509Certificate cert) {
    X500Name subject = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
    return org.bouncycastle.asn1.x500.style.IETFUtils.valueToString(
        subject.getRDNs(BCStyle.CN)[0].getFirst().getValue());
  }

  private static KeyPair newKeyPair(SecureRandom random) throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"), random);
    return g.generateKeyPair();
  }

  private static X500Name distinguishedName(String commonName) {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.O, "shifrovka simulation")
        .addRDN(BCStyle.CN, commonName)
        .build();
  }

  private static BigInteger serial(SecureRandom random) {
    return new BigInteger(64, random).setBit(63); // positive, 8 bytes, never zero
  }

  private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key,
      SecureRandom random) throws GeneralSecurityException {
    try {
      ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE).setSecureRandom(random)
          .build(key);
      X509CertificateHolder holder = b.build(signer);
      return (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
          .generateCertificate(new java.io.ByteArrayInputStream(holder.getEncoded()));
    } catch (OperatorCreationException | IOException e) {
      throw new CertificateException("cannot sign the certificate", e);
    }
  }

  @Override
  public String toString() {
    return "SimulationAuthority[" + name + ", certificate SHA-256 "
        + StationCredentials.fingerprint(certificate).substring(0, 16) + "...]";
  }
}
