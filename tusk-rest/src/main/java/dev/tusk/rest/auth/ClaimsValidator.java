package dev.tusk.rest.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The registered claims PostgREST checks, in its order, first failure wins: {@code exp}, {@code
 * nbf}, {@code iat} (NumericDate, RFC 7519 §2, with the configured clock skew either way) and
 * {@code aud}. A claim that is absent or null is not checked. Unlike PostgREST, fractional dates
 * are compared exactly instead of being read as 0.
 */
final class ClaimsValidator {

  private final Optional<String> audience;
  private final long skewSeconds;

  ClaimsValidator(Optional<String> audience, Duration skew) {
    this.audience = audience;
    this.skewSeconds = skew.toSeconds();
  }

  void validate(ObjectNode claims, Instant now) {
    long nowSeconds = now.getEpochSecond();
    BigDecimal earliest = BigDecimal.valueOf(nowSeconds - skewSeconds);
    BigDecimal latest = BigDecimal.valueOf(nowSeconds + skewSeconds);
    date(claims, "exp")
        .filter(exp -> exp.compareTo(earliest) < 0)
        .ifPresent(exp -> fail("JWT expired", "the token expired at " + when(exp), now));
    date(claims, "nbf")
        .filter(nbf -> nbf.compareTo(latest) > 0)
        .ifPresent(nbf -> fail("JWT not yet valid", "the token is valid from " + when(nbf), now));
    date(claims, "iat")
        .filter(iat -> iat.compareTo(latest) > 0)
        .ifPresent(
            iat -> fail("JWT issued at future", "the token was issued at " + when(iat), now));
    checkAudience(claims.get("aud"));
  }

  private static Optional<BigDecimal> date(ObjectNode claims, String name) {
    JsonNode v = claims.get(name);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isNumber()) {
      throw AuthError.claims(
          "The JWT '" + name + "' claim must be a number",
          "it is a "
              + v.getNodeType().name().toLowerCase(Locale.ROOT)
              + "; RFC 7519 dates are seconds since 1970",
          "issue tokens whose " + name + " is a number of seconds");
    }
    return Optional.of(v.decimalValue());
  }

  private void fail(String message, String what, Instant now) {
    throw AuthError.claims(
        message,
        what
            + "; the server's time is "
            + now
            + " and "
            + skewSeconds
            + " s of clock skew is allowed",
        message.equals("JWT expired")
            ? "get a new token"
            : "check the clocks of the token issuer and of this server");
  }

  private static String when(BigDecimal seconds) {
    String raw = seconds.precision() > 20 ? seconds.toString() : seconds.toPlainString();
    try {
      return Instant.ofEpochSecond(seconds.setScale(0, RoundingMode.FLOOR).longValueExact())
          + " ("
          + raw
          + ")";
    } catch (ArithmeticException | DateTimeException e) {
      return raw;
    }
  }

  private void checkAudience(JsonNode aud) {
    if (aud == null || aud.isNull()) {
      return;
    }
    List<String> values = new ArrayList<>();
    if (aud.isTextual()) {
      values.add(aud.textValue());
    } else if (aud.isArray()) {
      for (JsonNode v : aud) {
        if (!v.isTextual()) {
          throw audType();
        }
        values.add(v.textValue());
      }
    } else {
      throw audType();
    }
    // No configured audience, or an empty aud: the token is for everyone (PostgREST's rule).
    if (audience.isEmpty() || values.isEmpty() || values.contains(audience.get())) {
      return;
    }
    throw AuthError.claims(
        "JWT not in audience",
        "the token's aud is "
            + values.stream().limit(5).map(v -> "\"" + CompactJws.printable(v) + "\"").toList()
            + "; this API is \""
            + audience.get()
            + "\" (api.jwt.audience)",
        "request a token for audience \"" + audience.get() + "\"");
  }

  private static AuthError audType() {
    return AuthError.claims(
        "The JWT 'aud' claim must be a string or an array of strings",
        null,
        "issue tokens whose aud is a string or an array of strings");
  }
}
