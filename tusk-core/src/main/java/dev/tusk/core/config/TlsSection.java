package dev.tusk.core.config;

import static dev.tusk.core.config.ConfigOption.POSTGRES_TLS_CA_FILE;
import static dev.tusk.core.config.ConfigOption.POSTGRES_TLS_CERT_FILE;
import static dev.tusk.core.config.ConfigOption.POSTGRES_TLS_DIR;
import static dev.tusk.core.config.ConfigOption.POSTGRES_TLS_KEY_FILE;
import static dev.tusk.core.config.ConfigOption.POSTGRES_TLS_MODE;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code postgres.tls}. With {@code mode: files} exactly one way of naming the files must be
 * used: a certbot-style {@code dir} (resolved here into its three files) or {@code cert_file} plus
 * {@code key_file}. Files may be repeated next to {@code dir} only if they are the very files
 * {@code dir} implies, which is what {@code tusk config print} writes, so its output loads again.
 */
final class TlsSection {

  static final String CERT = "fullchain.pem";
  static final String KEY = "privkey.pem";
  static final String CA = "chain.pem";

  private TlsSection() {}

  static TlsConfig read(ReadContext ctx, Optional<YamlMap> map) {
    SectionValues values = new SectionValues(ctx, "postgres.tls", map, List.of());
    Scalar modeValue = values.get(POSTGRES_TLS_MODE);
    TlsMode mode = Convert.choice(modeValue, TlsMode.class);
    Scalar dirValue = values.get(POSTGRES_TLS_DIR);
    Scalar certValue = values.get(POSTGRES_TLS_CERT_FILE);
    Scalar keyValue = values.get(POSTGRES_TLS_KEY_FILE);
    Scalar caValue = values.get(POSTGRES_TLS_CA_FILE);
    Optional<Path> dir = Convert.optionalPath(dirValue);
    Optional<Path> cert = Convert.optionalPath(certValue);
    Optional<Path> key = Convert.optionalPath(keyValue);
    Optional<Path> ca = Convert.optionalPath(caValue);
    if (mode != TlsMode.FILES) {
      for (Scalar s : List.of(dirValue, certValue, keyValue, caValue)) {
        if (!s.isNull()) {
          throw ConfigErrors.badValue(
              s.path()
                  + " is set "
                  + s.origin().describe()
                  + " but postgres.tls.mode is "
                  + mode.name().toLowerCase(java.util.Locale.ROOT)
                  + " "
                  + modeValue.origin().describe(),
              "set postgres.tls.mode: files to use your own certificate, or remove "
                  + s.path()
                  + " ("
                  + s.origin().fix()
                  + ")");
        }
      }
      return new TlsConfig(mode, dir, cert, key, ca);
    }
    if (dir.isPresent()) {
      Path d = dir.get();
      requireSame(certValue, cert, d.resolve(CERT));
      requireSame(keyValue, key, d.resolve(KEY));
      requireSame(caValue, ca, d.resolve(CA));
      return new TlsConfig(
          mode,
          dir,
          Optional.of(d.resolve(CERT)),
          Optional.of(d.resolve(KEY)),
          Optional.of(d.resolve(CA)));
    }
    if (cert.isEmpty() || key.isEmpty()) {
      Scalar missing = cert.isEmpty() ? certValue : keyValue;
      throw ConfigErrors.badValue(
          "postgres.tls.mode is files "
              + modeValue.origin().describe()
              + " but "
              + missing.path()
              + " is not set",
          "set postgres.tls.dir to a certbot-style directory ("
              + CERT
              + ", "
              + KEY
              + ", "
              + CA
              + "), or set both cert_file and key_file");
    }
    return new TlsConfig(mode, dir, cert, key, ca);
  }

  private static void requireSame(Scalar value, Optional<Path> given, Path implied) {
    if (given.isPresent() && !given.get().equals(implied)) {
      throw ConfigErrors.badValue(
          value.path()
              + " "
              + value.origin().describe()
              + " conflicts with postgres.tls.dir, which implies "
              + implied,
          "use either postgres.tls.dir or cert_file/key_file/ca_file, not both");
    }
  }
}
