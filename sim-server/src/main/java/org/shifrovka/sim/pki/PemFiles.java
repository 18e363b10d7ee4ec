package org.shifrovka.sim.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Set;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;
import org.shifrovka.internal.AtomicFile;
import org.shifrovka.internal.AtomicFile.Access;

/**
 * PEM files of certificates ({@code CERTIFICATE}) and EC private keys (PKCS#8 {@code PRIVATE
 * KEY}), written whole or not at all: a temporary file in the same directory, forced to disk, then
 * renamed over the target. Private keys are owner-only from the moment the temporary file exists.
 */
final class PemFiles {
  private static final String CERTIFICATE = "CERTIFICATE";
  private static final String PRIVATE_KEY = "PRIVATE KEY";
  private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString(
      "rwx------");

  private PemFiles() {}

  static void writeCertificate(Path file, X509Certificate certificate) throws IOException {
    byte[] der;
    try {
      der = certificate.getEncoded();
    } catch (CertificateException e) {
      throw new IOException("cannot encode the certificate for " + file, e);
    }
    AtomicFile.write(file, pem(CERTIFICATE, der), Access.READABLE_BY_ALL);
  }

  static void writePrivateKey(Path file, PrivateKey key) throws IOException {
    byte[] der = key.getEncoded(); // PKCS#8
    byte[] text = pem(PRIVATE_KEY, der);
    try {
      AtomicFile.write(file, text, Access.OWNER_ONLY);
    } finally {
      Arrays.fill(der, (byte) 0);
      Arrays.fill(text, (byte) 0);
    }
  }

  static X509Certificate readCertificate(Path file) throws IOException {
    byte[] der = read(file, CERTIFICATE);
    try {
      return (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException e) {
      throw StationNames.damaged(file.toString(), e);
    }
  }

  static PrivateKey readPrivateKey(Path file) throws IOException {
    byte[] der = read(file, PRIVATE_KEY);
    try {
      return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw StationNames.damaged(file + " (an EC private key)", e);
    } finally {
      Arrays.fill(der, (byte) 0);
    }
  }

  /** Creates {@code dir} owner-only if it does not exist. */
  static void createDirectory(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    if (posix(dir)) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
    } else {
      Files.createDirectories(dir);
    }
  }

  private static byte[] pem(String type, byte[] der) throws IOException {
    StringWriter out = new StringWriter();
    try (PemWriter w = new PemWriter(out)) {
      w.writeObject(new PemObject(type, der));
    }
    return out.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] read(Path file, String type) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    try (PemReader r = new PemReader(new StringReader(text))) {
      PemObject o = r.readPemObject();
      if (o == null || !o.getType().equals(type)) {
        throw new IOException(file + " is not a PEM " + type + " file");
      }
      return o.getContent();
    }
  }


  private static boolean posix(Path p) {
    return p.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
