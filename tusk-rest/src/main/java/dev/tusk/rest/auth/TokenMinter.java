package dev.tusk.rest.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tusk.core.config.JwtConfig;
import dev.tusk.core.error.ConfigException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code tusk token} does, apart from picocli: turn {@code --role}, {@code --sub}, {@code
 * --claim k=v} / {@code k:=json}, {@code --ttl} and {@code --aud} into claims and sign them. Bad
 * arguments are usage errors (ConfigException, exit 2) that name the argument.
 */
public final class TokenMinter {

  /** The command's arguments, as typed. */
  public record Request(
      String role,
      Optional<String> sub,
      List<String> claims,
      Optional<String> ttl,
      Optional<String> aud,
      String alg) {
    public Request {
      claims = List.copyOf(claims);
    }
  }

  /** The token, and warnings for stderr. */
  public record Minted(String token, Map<String, Object> claims, List<String> warnings) {}

  static final Duration DEFAULT_TTL = Duration.ofHours(1);
  private static final Pattern TTL = Pattern.compile("([0-9]{1,9})([smhd])");
  private static final Set<String> SET_BY_OPTIONS = Set.of("role", "exp", "iat");

  private final JwtConfig config;
  private final Clock clock;

  public TokenMinter(JwtConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  public Minted mint(Request request) {
    if (request.role().isBlank()) {
      throw usage(
          "token.bad_role", "--role is empty", "name the database role, e.g. --role api_user");
    }
    Duration ttl = request.ttl().map(TokenMinter::parseTtl).orElse(DEFAULT_TTL);
    long now = clock.instant().getEpochSecond();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("role", request.role());
    request.sub().ifPresent(s -> claims.put("sub", s));
    request.aud().or(config::audience).ifPresent(a -> claims.put("aud", a));
    claims.put("iat", now);
    claims.put("exp", now + ttl.toSeconds());
    for (String arg : request.claims()) {
      Map.Entry<String, Object> claim = parseClaim(arg);
      if (SET_BY_OPTIONS.contains(claim.getKey()) || claims.containsKey(claim.getKey())) {
        throw usage(
            "token.bad_claim",
            "--claim " + arg + ": claim '" + claim.getKey() + "' is already set",
            "set role with --role, exp with --ttl, sub with --sub, aud with --aud, and each"
                + " other claim once");
      }
      claims.put(claim.getKey(), claim.getValue());
    }
    List<String> warnings = new ArrayList<>();
    if (request.role().toLowerCase(Locale.ROOT).equals("postgres")) {
      warnings.add(
          "warning: role 'postgres' looks like the superuser; the REST API should refuse it."
              + " Mint tokens for an API role (e.g. api_user) instead.");
    }
    String token = new JwtSigner(config).sign(claims, request.alg());
    return new Minted(token, claims, warnings);
  }

  /** {@code 30s}, {@code 15m}, {@code 1h}, {@code 7d}. */
  static Duration parseTtl(String text) {
    Matcher m = TTL.matcher(text.strip());
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw usage(
          "token.bad_ttl",
          "--ttl " + text + " is not a positive duration",
          "write a number and a unit: 30s, 15m, 1h or 7d");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  /** {@code k=v} (a string) or {@code k:=json} (any JSON value: 42, true, ["a","b"], {"x":1}). */
  static Map.Entry<String, Object> parseClaim(String arg) {
    int eq = arg.indexOf('=');
    if (eq <= 0 || (eq == 1 && arg.charAt(0) == ':')) {
      throw usage(
          "token.bad_claim",
          "--claim " + arg + " is not k=v or k:=json",
          "e.g. --claim email=a@example.com or --claim 'tenant_id:=42'");
    }
    boolean json = arg.charAt(eq - 1) == ':';
    String key = arg.substring(0, json ? eq - 1 : eq);
    String value = arg.substring(eq + 1);
    if (!json) {
      return Map.entry(key, value);
    }
    try {
      JsonNode node = StrictJson.MAPPER.readTree(value);
      if (node == null || node.isMissingNode()) {
        throw new IOException("no value");
      }
      return Map.entry(key, node);
    } catch (IOException e) {
      throw usage(
          "token.bad_claim",
          "--claim " + arg + ": the value after := is not JSON",
          "write JSON after :=, e.g. 42, true, [\"a\",\"b\"] or '{\"k\":1}'; use = for a string");
    }
  }

  private static ConfigException usage(String code, String message, String hint) {
    return new ConfigException(code, message, hint);
  }
}
