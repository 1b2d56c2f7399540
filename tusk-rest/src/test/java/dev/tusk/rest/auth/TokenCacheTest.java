package dev.tusk.rest.auth;

import static dev.tusk.rest.auth.Verifiers.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The verified-token cache never lets a token through that a fresh check would refuse. */
class TokenCacheTest {

  private final MutableClock clock = new MutableClock(NOW);

  private static String token(long exp, String role) {
    return Jose.token(
        "HS256", null, "{\"role\":\"" + role + "\",\"exp\":" + exp + "}", Jose.secretBytes());
  }

  @Test
  void aCachedTokenStillExpires() {
    JwtVerifier v = Verifiers.standard(Verifiers.hs(), clock);
    String t = token(NOW.getEpochSecond() + 60, "r");
    assertThat(Verifiers.bearer(v, t).role()).isEqualTo("r");
    assertThat(v.cachedTokens()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(60 + 30 + 1));
    assertThat(Verifiers.refused(v, t).getMessage()).isEqualTo("JWT expired");
    assertThat(v.cachedTokens()).isZero();
  }

  @Test
  void theCacheIsBounded() {
    JwtVerifier v =
        new JwtVerifier(
            Verifiers.hs(),
            clock,
            Verifiers.standardKeys(),
            new JwtVerifier.Options(java.util.Set.of(), 3));
    for (int i = 0; i < 10; i++) {
      Verifiers.bearer(v, token(NOW.getEpochSecond() + 600, "r" + i));
    }
    assertThat(v.cachedTokens()).isEqualTo(3);
  }

  @Test
  void zeroEntriesDisablesIt() {
    JwtVerifier v =
        new JwtVerifier(
            Verifiers.hs(),
            clock,
            Verifiers.standardKeys(),
            new JwtVerifier.Options(java.util.Set.of(), 0));
    Verifiers.bearer(v, token(NOW.getEpochSecond() + 600, "r"));
    assertThat(v.cachedTokens()).isZero();
  }

  @Test
  void refusedTokensAreNotCached() {
    JwtVerifier v = Verifiers.standard(Verifiers.hs(), clock);
    Verifiers.refused(v, token(NOW.getEpochSecond() + 600, "r") + "x");
    Verifiers.refused(v, Jose.token("HS256", null, "[]", Jose.secretBytes()));
    assertThat(v.cachedTokens()).isZero();
  }

  @Test
  void aTokenVerifiedWithARotatedOutKeyIsRefusedAtOnce() {
    byte[] second = "a-second-secret-that-is-long-enough-for-hmac!!".getBytes();
    KeySet first = new KeySet(List.of(new VerificationKey.Hmac(Jose.secretBytes())));
    AtomicReference<KeySet> current = new AtomicReference<>(first);
    JwtVerifier v = new JwtVerifier(Verifiers.hs(), clock, current::get);
    String t = token(NOW.getEpochSecond() + 600, "r");
    assertThat(Verifiers.bearer(v, t).role()).isEqualTo("r");
    current.set(new KeySet(List.of(new VerificationKey.Hmac(second))));
    assertThat(Verifiers.refused(v, t).getMessage()).isEqualTo(AuthError.BAD_CRYPTO);
    current.set(first);
    assertThat(Verifiers.bearer(v, t).role()).isEqualTo("r");
  }
}
