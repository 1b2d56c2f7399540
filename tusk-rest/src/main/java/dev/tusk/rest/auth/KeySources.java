package dev.tusk.rest.auth;

import dev.tusk.core.config.JwtConfig;
import dev.tusk.core.error.ConfigException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds the {@link KeySource} that {@code api.jwt} describes: the HMAC secret, the keys of a JWKS
 * file (read once, now: a bad file fails the start, not the first request), and a JWKS URL (fetched
 * lazily). {@code report} receives warnings such as skipped keys or failed fetches.
 */
public final class KeySources {

  private KeySources() {}

  public static KeySource fromConfig(JwtConfig cfg, Clock clock, Consumer<String> report) {
    List<KeySource> sources = new ArrayList<>();
    cfg.secret()
        .ifPresent(
            s ->
                sources.add(
                    fixed(
                        new KeySet(
                            List.of(
                                new VerificationKey.Hmac(
                                    HmacSecret.bytes(s, cfg.secretIsBase64())))))));
    cfg.jwksFile().ifPresent(p -> sources.add(fixed(readJwksFile(p, report))));
    cfg.jwksUrl()
        .ifPresent(
            u ->
                sources.add(
                    new JwksUrlKeySource(
                        u,
                        HttpClient.newBuilder()
                            .connectTimeout(Duration.ofSeconds(5))
                            .followRedirects(HttpClient.Redirect.NORMAL)
                            .build(),
                        clock,
                        JwksUrlKeySource.Settings.DEFAULT,
                        report)));
    return switch (sources.size()) {
      case 0 -> fixed(KeySet.EMPTY);
      case 1 -> sources.getFirst();
      default -> new CompositeKeySource(sources);
    };
  }

  /** A source whose keys never change. */
  public static KeySource fixed(KeySet keys) {
    return () -> keys;
  }

  /** Several sources as one; their keys are tried together. */
  public static KeySource combined(List<KeySource> sources) {
    return new CompositeKeySource(sources);
  }

  /** Reads and parses a JWKS file; any problem is a ConfigException naming the file. */
  static KeySet readJwksFile(Path file, Consumer<String> report) {
    String key = "api.jwt.jwks_file";
    byte[] bytes;
    try {
      if (Files.size(file) > Jwks.MAX_BYTES) {
        throw new ConfigException(
            "config.too_large",
            key + ": " + file + " is larger than " + Jwks.MAX_BYTES + " bytes",
            "point api.jwt.jwks_file at a JWK Set document");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException(
          "config.missing_file",
          key + ": " + file + " does not exist",
          "create the file or fix the path");
    } catch (IOException e) {
      throw new ConfigException(
          "config.unreadable_file",
          key + ": " + file + " cannot be read: " + e.getMessage(),
          "check the file's permissions");
    }
    try {
      Jwks jwks = Jwks.parse(bytes);
      jwks.skipped().forEach(line -> report.accept(key + " " + file + ": skipped " + line));
      return jwks.keys();
    } catch (InvalidJwk e) {
      throw new ConfigException(
          "config.bad_value",
          key + ": " + file + ": " + e.getMessage(),
          "the file must hold a JWK Set ({\"keys\": [...]}) with RSA, EC or Ed25519 public keys");
    }
  }
}
