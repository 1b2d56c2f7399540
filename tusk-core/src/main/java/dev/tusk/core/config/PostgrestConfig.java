package dev.tusk.core.config;

import dev.tusk.core.error.ConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A PostgREST configuration ({@code tusk serve rest} with a PostgREST config file and/or {@code
 * PGRST_*} variables) as an {@link ApiConfig}, so a PostgREST deployment moves over unchanged. The
 * values follow PostgREST's precedence, defaults and rules ({@code server-host} {@code !4}, {@code
 * db-aggregates-enabled} false, {@code @file} for {@code db-uri} and {@code jwt-secret}), and are
 * then held to Tusk's checks: a value PostgREST would silently replace by its default (a bad
 * number, an unknown boolean) is an error here. Settings PostgREST knows and Tusk does not
 * implement come back as {@link #warnings()}, for the caller to print.
 *
 * @param api the API configuration, always enabled, always with a {@code db_uri}
 * @param warnings settings that were read but have no effect, in file order then variable order
 */
public record PostgrestConfig(ApiConfig api, List<String> warnings) {

  /** Largest config file accepted, as for tusk.yaml. */
  public static final int MAX_FILE_BYTES = ConfigLoader.MAX_FILE_BYTES;

  /** Largest {@code @file} that {@code db-uri} or {@code jwt-secret} may name. */
  public static final int MAX_SECRET_FILE_BYTES = Interpolator.MAX_FILE_BYTES;

  public PostgrestConfig {
    warnings = List.copyOf(warnings);
  }

  /** As {@link #load(Optional, Map, Path)}, relative paths against the process's directory. */
  public static PostgrestConfig load(Optional<Path> file, Map<String, String> env) {
    return load(file, env, Path.of("").toAbsolutePath());
  }

  /**
   * Reads {@code file} (if any) and the {@code PGRST_*} variables in {@code env}; {@code $(NAME)}
   * in the file and libpq's {@code PGUSER}/{@code PGDATABASE} are looked up in {@code env} too.
   * Relative paths (the file, {@code @file} values) resolve against {@code workingDir}, as they do
   * against PostgREST's working directory.
   *
   * @throws ConfigException if the file is missing, unreadable or malformed, holds a setting
   *     PostgREST does not know, or a value is invalid
   */
  public static PostgrestConfig load(
      Optional<Path> file, Map<String, String> env, Path workingDir) {
    Path dir = workingDir.toAbsolutePath().normalize();
    List<PostgrestFile.Binding> bindings = List.of();
    if (file.isPresent()) {
      String label = file.get().toString();
      Path path = dir.resolve(file.get()).normalize();
      String text =
          ConfigText.read(
              path,
              "PostgREST config file " + label,
              MAX_FILE_BYTES,
              "check the path of the PostgREST config file");
      bindings = PostgrestFile.parse(text, label, env);
    }
    PostgrestSources values = new PostgrestSources(bindings, env, dir);
    List<String> warnings = new ArrayList<>();
    Scalar dbUri = atFile(values.valueOr("db-uri", "postgresql://"), dir, true);
    Scalar none = new Scalar("db-uri", Optional.empty(), new Origin.ByDefault(), "default", dir);
    ApiInput input =
        new ApiInput(
            fixed("enabled", "true", dir),
            host(values.valueOr("server-host", "!4"), warnings),
            values.valueOr("server-port", "3000"),
            none,
            none,
            none,
            dbUri,
            split(values.valueOr("db-schemas", "public")),
            values.value("db-anon-role").orElse(unset("db-anon-role", dir)),
            new ApiInput.Jwt(
                values
                    .value("jwt-secret")
                    .map(s -> atFile(s, dir, false))
                    .orElse(unset("jwt-secret", dir)),
                bool(values.valueOr("jwt-secret-is-base64", "false")),
                unset("jwks_file", dir),
                unset("jwks_url", dir),
                values.value("jwt-aud").orElse(unset("jwt-aud", dir)),
                values.valueOr("jwt-role-claim-key", ".role"),
                unset("cookie", dir),
                fixed("clock_skew_seconds", "30", dir)),
            values.value("db-max-rows").orElse(unset("db-max-rows", dir)),
            values.value("db-pre-request").orElse(unset("db-pre-request", dir)),
            values.valueOr("db-tx-end", "commit"),
            bool(values.valueOr("db-aggregates-enabled", "false")),
            fixed(
                "max_body_bytes",
                ConfigOption.API_MAX_BODY_BYTES.defaultValue().orElseThrow(),
                dir),
            bool(values.valueOr("db-plan-enabled", "false")),
            values.valueOr("db-pool", "10"),
            values
                .value("server-cors-allowed-origins")
                .map(PostgrestConfig::split)
                .orElse(List.of()),
            bool(values.valueOr("server-timing-enabled", "false")));
    ApiConfig api = ApiRules.build(input, env);
    if (!JwtRules.verifiesTokens(api.jwt()) && api.anonRole().isEmpty()) {
      throw ConfigErrors.badValue(
          "the PostgREST configuration would refuse every request: neither jwt-secret nor"
              + " db-anon-role is set",
          "set db-anon-role (PGRST_DB_ANON_ROLE) to serve requests without a token, and/or"
              + " jwt-secret (PGRST_JWT_SECRET, at least 32 characters); Tusk does not read"
              + " settings from the database (db-config, db-pre-config)");
    }
    List<String> all = new ArrayList<>(values.warnings());
    all.addAll(warnings);
    return new PostgrestConfig(api, all);
  }

  /** PostgREST's {@code @filename}: the value is in a file (db-uri trimmed, a secret chomped). */
  private static Scalar atFile(Scalar s, Path dir, boolean strip) {
    String text = s.text().orElse("");
    if (!text.startsWith("@") || text.length() == 1) {
      return s;
    }
    Path path = dir.resolve(text.substring(1)).toAbsolutePath().normalize();
    String content =
        ConfigText.read(
            path,
            s.path() + ": file " + path + " (" + s.origin().describe() + ")",
            MAX_SECRET_FILE_BYTES,
            "create the file, or fix the @path; " + s.origin().fix());
    String value =
        strip
            ? content.strip()
            : content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
    return new Scalar(s.path(), Optional.of(value), s.origin(), "file:" + path, s.baseDir());
  }

  /** PostgREST's special addresses; Tusk binds one address, so "any IPv6" becomes dual-stack. */
  private static Scalar host(Scalar s, List<String> warnings) {
    String text = s.text().orElse("");
    String mapped =
        switch (text) {
          case "!4" -> "0.0.0.0";
          case "*", "*4", "*6", "!6" -> "::";
          default -> text;
        };
    if (text.equals("!6")) {
      warnings.add(
          "server-host \"!6\" "
              + s.origin().describe()
              + " is served on :: (IPv6 and, where the"
              + " system allows it, IPv4 too)");
    }
    return new Scalar(s.path(), Optional.of(mapped), s.origin(), s.source(), s.baseDir());
  }

  /** PostgREST's lists: comma-separated, each item trimmed. */
  private static List<Scalar> split(Scalar s) {
    List<Scalar> out = new ArrayList<>();
    for (String part : s.text().orElse("").split(",", -1)) {
      out.add(new Scalar(s.path(), Optional.of(part.strip()), s.origin(), s.source(), s.baseDir()));
    }
    return out;
  }

  /** PostgREST's booleans: true/false in any case, on/off, or a number (above 0 is true). */
  private static Scalar bool(Scalar s) {
    String text = s.text().orElse("").strip().toLowerCase(Locale.ROOT);
    String mapped =
        switch (text) {
          case "true", "on" -> "true";
          case "false", "off" -> "false";
          default ->
              text.matches("[0-9]{1,9}")
                  ? Boolean.toString(Integer.parseInt(text) > 0)
                  : s.text().orElse("");
        };
    return new Scalar(s.path(), Optional.of(mapped), s.origin(), s.source(), s.baseDir());
  }

  private static Scalar fixed(String key, String text, Path dir) {
    return new Scalar(key, Optional.of(text), new Origin.ByDefault(), "default", dir);
  }

  private static Scalar unset(String key, Path dir) {
    return new Scalar(key, Optional.empty(), new Origin.ByDefault(), "default", dir);
  }
}
