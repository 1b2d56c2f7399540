package dev.tusk.engine.tls;

import dev.tusk.core.error.ConfigException;
import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.util.IPAddress;

/**
 * The names a server certificate must carry, split the way clients check them: IP literals go into
 * iPAddress SANs (a client connecting to 127.0.0.1 never matches a dNSName "127.0.0.1"), everything
 * else into dNSName SANs, lower-cased and in ASCII form. IP literals are parsed without any DNS
 * lookup. The wildcard listen addresses ({@code *}, {@code 0.0.0.0}, {@code ::}) are dropped: no
 * client connects to "any address", so a certificate cannot usefully name it.
 */
record SubjectNames(Set<String> dnsNames, Set<InetAddress> addresses) {

  private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");

  SubjectNames {
    dnsNames = Collections.unmodifiableSet(new LinkedHashSet<>(dnsNames));
    addresses = Collections.unmodifiableSet(new LinkedHashSet<>(addresses));
  }

  /** Classifies {@code names}; a value that is neither a host name nor an IP literal is refused. */
  static SubjectNames parse(List<String> names) {
    Set<String> dns = new LinkedHashSet<>();
    Set<InetAddress> ips = new LinkedHashSet<>();
    for (String raw : names) {
      String name = raw == null ? "" : raw.strip();
      if (name.startsWith("[") && name.endsWith("]")) {
        name = name.substring(1, name.length() - 1);
      }
      if (name.equals("*")) {
        continue;
      }
      if (IPAddress.isValid(name)) {
        InetAddress address = literal(name);
        if (!address.isAnyLocalAddress()) {
          ips.add(address);
        }
      } else {
        dns.add(hostName(raw, name));
      }
    }
    if (dns.isEmpty() && ips.isEmpty()) {
      throw new ConfigException(
          "tls.no_names",
          "no host name or IP address to put in the TLS server certificate (given " + names + ")",
          "listen on a specific address or set a host name the clients use");
    }
    return new SubjectNames(dns, ips);
  }

  /** The subjectAltNames of {@code cert}: dNSName (2) and iPAddress (7) entries. */
  static SubjectNames of(X509Certificate cert) throws CertificateParsingException {
    Set<String> dns = new LinkedHashSet<>();
    Set<InetAddress> ips = new LinkedHashSet<>();
    Collection<List<?>> sans = cert.getSubjectAlternativeNames();
    for (List<?> san : sans == null ? List.<List<?>>of() : sans) {
      if (san.get(0) instanceof Integer type && san.get(1) instanceof String value) {
        if (type == 2) {
          dns.add(value.toLowerCase(Locale.ROOT));
        } else if (type == 7 && IPAddress.isValid(value)) {
          ips.add(literal(value));
        }
      }
    }
    return new SubjectNames(dns, ips);
  }

  /** Every name in {@code wanted} is also here. */
  boolean covers(SubjectNames wanted) {
    return dnsNames.containsAll(wanted.dnsNames) && addresses.containsAll(wanted.addresses);
  }

  /** The names in {@code wanted} that are missing here, for a message. */
  List<String> missing(SubjectNames wanted) {
    List<String> missing = new ArrayList<>();
    wanted.dnsNames.stream().filter(n -> !dnsNames.contains(n)).forEach(missing::add);
    wanted.addresses.stream()
        .filter(a -> !addresses.contains(a))
        .forEach(a -> missing.add(a.getHostAddress()));
    return missing;
  }

  /** The names, comma-separated, for messages. */
  String describe() {
    List<String> all = new ArrayList<>(dnsNames);
    addresses.forEach(a -> all.add(a.getHostAddress()));
    return String.join(", ", all);
  }

  /** A name for the certificate subject's CN: the first DNS name, else the first address. */
  String commonName() {
    return dnsNames.isEmpty()
        ? addresses.iterator().next().getHostAddress()
        : dnsNames.iterator().next();
  }

  private static InetAddress literal(String ip) {
    try {
      return InetAddress.getByName(ip); // a validated literal: parsed, never looked up
    } catch (UnknownHostException e) {
      throw new IllegalStateException("validated IP literal did not parse: " + ip, e);
    }
  }

  private static String hostName(String raw, String name) {
    String ascii;
    try {
      ascii = IDN.toASCII(name.endsWith(".") ? name.substring(0, name.length() - 1) : name);
    } catch (IllegalArgumentException e) {
      ascii = "";
    }
    ascii = ascii.toLowerCase(Locale.ROOT);
    boolean valid = !ascii.isEmpty() && ascii.length() <= 253;
    for (String label : ascii.split("\\.", -1)) {
      valid &= LABEL.matcher(label).matches();
    }
    if (!valid) {
      throw new ConfigException(
          "tls.bad_name",
          "'" + raw + "' is neither a host name nor an IP address, so it cannot be a TLS name",
          "use a host name such as db.example.com or an IP literal such as 10.0.0.5");
    }
    return ascii;
  }
}
