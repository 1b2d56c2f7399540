package dev.tusk.rest.auth;

import static dev.tusk.rest.auth.Verifiers.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tusk.core.config.JwtConfig;
import dev.tusk.core.error.ConfigException;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A JWKS URL served on loopback: first fetch, rotation, rate limit, periodic refresh, failures. */
class JwksUrlKeySourceTest {

  private static final KeyPair A = Jose.RSA;
  private static final KeyPair B = Jose.RSA_OTHER;
  private static final JwksUrlKeySource.Settings SETTINGS =
      new JwksUrlKeySource.Settings(
          Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(5));

  private final MutableClock clock = new MutableClock(NOW);
  private final List<String> reports = new CopyOnWriteArrayList<>();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private JwksServer server;

  @BeforeEach
  void start() throws Exception {
    server = new JwksServer().serve(Jose.jwks(Jose.jwk(A.getPublic(), "a")));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private JwksUrlKeySource source(URI url, JwksUrlKeySource.Settings settings) {
    return new JwksUrlKeySource(url, client, clock, settings, reports::add);
  }

  private JwtVerifier verifier(KeySource keys) {
    JwtConfig cfg =
        Verifiers.config(
            Optional.empty(),
            Optional.empty(),
            Optional.of(server.url()),
            Optional.empty(),
            ".role",
            Optional.empty());
    return new JwtVerifier(cfg, clock, keys);
  }

  private String token(KeyPair key, String kid) {
    return Jose.token(
        "RS256",
        kid,
        "{\"role\":\"api_user\",\"exp\":" + (NOW.getEpochSecond() + 86400) + "}",
        key.getPrivate());
  }

  @Test
  void theSetIsFetchedOnFirstUseAndThenServedFromMemory() {
    JwtVerifier v = verifier(source(server.url(), SETTINGS));
    assertThat(server.requests()).isZero(); // construction does no I/O
    assertThat(Verifiers.bearer(v, token(A, "a")).role()).isEqualTo("api_user");
    assertThat(Verifiers.bearer(v, token(A, null)).role()).isEqualTo("api_user");
    assertThat(server.requests()).isEqualTo(1);
  }

  @Test
  void anUnknownKidRefetchesAtMostOncePerGapAndPicksUpARotation() {
    JwtVerifier v = verifier(source(server.url(), SETTINGS));
    String oldToken = token(A, "a");
    assertThat(Verifiers.bearer(v, oldToken).role()).isEqualTo("api_user");
    server.serve(Jose.jwks(Jose.jwk(B.getPublic(), "b"))); // the provider rotates A out

    // Within 30 s of the last fetch: no new fetch, however many unknown kids arrive.
    for (int i = 0; i < 20; i++) {
      assertThat(Verifiers.refused(v, token(B, "b")).getMessage()).isEqualTo(AuthError.NO_KEY);
      assertThat(Verifiers.refused(v, token(B, "made-up-" + i)).getMessage())
          .isEqualTo(AuthError.NO_KEY);
    }
    assertThat(server.requests()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(30));
    assertThat(Verifiers.bearer(v, token(B, "b")).role()).isEqualTo("api_user");
    assertThat(server.requests()).isEqualTo(2);

    // The old token was verified and cached before; its key is gone, so it fails now.
    AuthError gone = Verifiers.refused(v, oldToken);
    assertThat(gone.getMessage()).isEqualTo(AuthError.NO_KEY);
    assertThat(server.requests()).isEqualTo(2);
  }

  @Test
  void theSetIsRefreshedPeriodically() {
    JwtVerifier v = verifier(source(server.url(), SETTINGS));
    Verifiers.bearer(v, token(A, "a"));
    server.serve(Jose.jwks(Jose.jwk(A.getPublic(), "a"), Jose.jwk(B.getPublic(), "b")));
    // No kid: no refetch is triggered, so B is unknown until the periodic refresh.
    assertThat(Verifiers.refused(v, token(B, null)).getMessage()).isEqualTo(AuthError.BAD_CRYPTO);
    clock.advance(Duration.ofMinutes(4));
    assertThat(Verifiers.refused(v, token(B, null)).getMessage()).isEqualTo(AuthError.BAD_CRYPTO);
    assertThat(server.requests()).isEqualTo(1);
    clock.advance(Duration.ofMinutes(1));
    assertThat(Verifiers.bearer(v, token(B, null)).role()).isEqualTo("api_user");
    assertThat(server.requests()).isEqualTo(2);
  }

  @Test
  void anUnchangedSetKeepsItsIdentitySoTheCacheStaysWarm() {
    JwksUrlKeySource s = source(server.url(), SETTINGS);
    KeySet first = s.keys();
    clock.advance(Duration.ofMinutes(5));
    assertThat(s.keys()).isSameAs(first);
    assertThat(server.requests()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"status", "garbage", "empty", "oversize", "unusable"})
  void aFailedRefreshKeepsTheLastGoodSetAndIsReported(String failure) {
    JwksUrlKeySource s = source(server.url(), SETTINGS);
    JwtVerifier v = verifier(s);
    Verifiers.bearer(v, token(A, "a"));
    switch (failure) {
      case "status" -> server.fail(500, "oops");
      case "garbage" -> server.serve("<html>login</html>");
      case "empty" -> server.serve("{\"keys\":[]}");
      case "oversize" -> server.serveBytes(new byte[Jwks.MAX_BYTES + 10]);
      default -> server.serve("{\"keys\":[{\"kty\":\"oct\",\"k\":\"AA\"}]}");
    }
    clock.advance(Duration.ofMinutes(5));
    assertThat(Verifiers.bearer(v, token(A, "a")).role()).isEqualTo("api_user");
    assertThat(server.requests()).isEqualTo(2);
    assertThat(reports)
        .singleElement()
        .asString()
        .contains("could not be fetched")
        .contains("keeping the 1 keys");
    JwksUrlKeySource.Status status = s.status();
    assertThat(status.keys()).isEqualTo(1);
    assertThat(status.lastSuccess()).contains(NOW);
    assertThat(status.lastAttempt()).contains(NOW.plus(Duration.ofMinutes(5)));
    assertThat(status.lastError()).isPresent();
  }

  @Test
  void aUrlThatNeverWorkedRefusesTokensWith401AndRetriesAfterTheGap() {
    server.fail(503, "down");
    JwtVerifier v = verifier(source(server.url(), SETTINGS));
    AuthError e = Verifiers.refused(v, token(A, "a"));
    assertThat(e.status()).isEqualTo(401);
    assertThat(e.getMessage()).isEqualTo(AuthError.NO_KEY);
    assertThat(reports)
        .singleElement()
        .asString()
        .contains("HTTP status 503")
        .contains("no keys yet");
    server.serve(Jose.jwks(Jose.jwk(A.getPublic(), "a")));
    Verifiers.refused(v, token(A, "a"));
    assertThat(server.requests()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(30));
    assertThat(Verifiers.bearer(v, token(A, "a")).role()).isEqualTo("api_user");
  }

  @Test
  void anUnreachableUrlIsReportedNotThrown() throws Exception {
    URI dead;
    try (JwksServer gone = new JwksServer()) {
      dead = gone.url();
    }
    JwksUrlKeySource s = source(dead, SETTINGS);
    assertThat(s.keys().isEmpty()).isTrue();
    assertThat(s.refreshNow()).get().asString().contains("Exception");
    assertThat(reports).hasSize(2).allSatisfy(r -> assertThat(r).contains(dead.toString()));
  }

  @Test
  void aStalledServerTimesOutAndIsReported() {
    server.stall(3_000);
    JwksUrlKeySource s =
        source(
            server.url(),
            new JwksUrlKeySource.Settings(
                Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofMillis(200)));
    assertThat(s.keys().isEmpty()).isTrue();
    assertThat(reports).singleElement().asString().contains("HttpTimeoutException");
  }

  @Test
  void refreshNowFetchesRegardlessOfSchedule() {
    JwksUrlKeySource s = source(server.url(), SETTINGS);
    assertThat(s.refreshNow()).isEmpty();
    assertThat(s.refreshNow()).isEmpty();
    assertThat(server.requests()).isEqualTo(2);
    server.fail(404, "no");
    assertThat(s.refreshNow()).contains("HTTP status 404");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://example.com/jwks.json",
        "ftp://127.0.0.1/jwks",
        "file:///etc/jwks.json",
        "http://10.0.0.1/j"
      })
  void onlyHttpsOrLoopbackHttpIsAccepted(String url) {
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> source(URI.create(url), SETTINGS));
    assertThat(e.getMessage()).startsWith("api.jwt.jwks_url");
  }

  @Test
  void httpsAndLoopbackUrlsAreAcceptedWithoutFetching() {
    source(URI.create("https://idp.example.com/.well-known/jwks.json"), SETTINGS);
    source(URI.create("http://localhost:1/jwks"), SETTINGS);
    assertThat(reports).isEmpty();
  }

  @Test
  void fromConfigCombinesTheSecretAndTheUrl() {
    JwtConfig cfg =
        Verifiers.config(
            Optional.of(Jose.SECRET),
            Optional.empty(),
            Optional.of(server.url()),
            Optional.empty(),
            ".role",
            Optional.empty());
    KeySource keys = KeySources.fromConfig(cfg, clock, reports::add);
    JwtVerifier v = new JwtVerifier(cfg, clock, keys);
    assertThat(Verifiers.bearer(v, token(A, "a")).role()).isEqualTo("api_user");
    assertThat(
            Verifiers.bearer(v, Jose.token("HS512", null, "{\"role\":\"h\"}", Jose.secretBytes()))
                .role())
        .isEqualTo("h");
  }
}
