package org.shifrovka.sim.pki;

import java.io.IOException;
import java.net.IDN;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** Station names in certificates: the rule, the subjectAltName form, and reading them back. */
final class StationNames {
  /** The station-name rule of {@link org.shifrovka.telegram.Station}. */
  private static final Pattern NAME = Pattern.compile("[A-ZА-Я][A-ZА-Я0-9-]{0,31}");
  private static final int SAN_DNS = 2;

  private StationNames() {}

  /** Checks a station name; returns it. */
  static String require(String name) {
    Objects.requireNonNull(name, "station name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a station name is one upper-case word, got \"" + name
          + "\"");
    }
    return name;
  }

  /**
   * Returns the subjectAltName DNS form of a station name: the name itself when it is Latin
   * ({@code KUZNETSOV}), its IDNA form when it is Cyrillic ({@code ФИЛИППОВ} becomes
   * {@code xn--...}), since a DNS name is ASCII.
   */
  static String dnsName(String station) {
    return IDN.toASCII(station);
  }

  /**
   * Returns the station a certificate names: its subject common name, which must be a station name
   * and must also appear, in DNS form, among its subjectAltNames.
   *
   * @throws CertificateException if the certificate names no station, or names it inconsistently
   */
  static String of(X509Certificate certificate) throws CertificateException {
    X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    RDN[] cns = subject.getRDNs(BCStyle.CN);
    if (cns.length != 1 || cns[0].isMultiValued()) {
      throw new CertificateException("the certificate " + subject
          + " does not have exactly one common name");
    }
    String name = IETFUtils.valueToString(cns[0].getFirst().getValue());
    if (!NAME.matcher(name).matches()) {
      throw new CertificateException("the certificate's common name \"" + name
          + "\" is not a station name");
    }
    String dns = dnsName(name);
    Collection<List<?>> sans;
    try {
      sans = certificate.getSubjectAlternativeNames();
    } catch (CertificateParsingException e) {
      throw new CertificateException("cannot read the subjectAltNames of " + name, e);
    }
    if (sans != null) {
      for (List<?> san : sans) {
        if (((Integer) san.get(0)) == SAN_DNS && dns.equalsIgnoreCase((String) san.get(1))) {
          return name;
        }
      }
    }
    throw new CertificateException("the certificate of " + name
        + " does not name it among its subjectAltNames (DNS " + dns + ")");
  }

  /** Wraps an I/O problem reading a certificate or key. */
  static IOException damaged(String what, Exception e) {
    return new IOException("cannot read " + what + ": " + e.getMessage(), e);
  }
}
