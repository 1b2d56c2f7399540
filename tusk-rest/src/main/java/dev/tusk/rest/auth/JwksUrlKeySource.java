package dev.tusk.rest.auth;

import dev.tusk.core.error.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Keys from a JWKS URL (an identity provider's {@code jwks_uri}). The set is fetched on first use,
 * refetched every {@code refreshEvery} and when a token names an unknown kid (the provider
 * rotated), but never more than once per {@code minGap}, so made-up kids cannot turn into a flood
 * of fetches. A failed fetch keeps the last good set and is reported; it never fails a request by
 * itself.
 *
 * <p>Fetches run on the request thread that finds them due, under a lock; other requests carry on
 * with the current set (only the very first fetch makes them wait, since there is nothing to use
 * yet). With virtual threads and a request timeout this costs one slow request per refresh, which
 * is simpler than a scheduler and sufficient at these intervals.
 */
public final class JwksUrlKeySource implements KeySource {

  /** How often to refresh, the least time between two fetches, and the timeout of one fetch. */
  public record Settings(Duration refreshEvery, Duration minGap, Duration requestTimeout) {
    public static final Settings DEFAULT =
        new Settings(Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(10));
  }

  /** What {@code /status} can show about the URL. */
  public record Status(
      URI url,
      int keys,
      Optional<Instant> lastSuccess,
      Optional<Instant> lastAttempt,
      Optional<String> lastError) {}

  private record State(KeySet keys, Instant lastSuccess, Instant lastAttempt, String lastError) {}

  private final URI url;
  private final HttpClient client;
  private final Clock clock;
  private final Settings settings;
  private final Consumer<String> report;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile State state = new State(KeySet.EMPTY, null, null, null);

  public JwksUrlKeySource(
      URI url, HttpClient client, Clock clock, Settings settings, Consumer<String> report) {
    this.url = checked(url);
    this.client = client;
    this.clock = clock;
    this.settings = settings;
    this.report = report;
  }

  @Override
  public KeySet keys() {
    State s = state;
    if (!due(s, clock.instant())) {
      return s.keys();
    }
    if (s.lastSuccess() == null) {
      lock.lock(); // nothing to use yet: wait for the fetch in progress
    } else if (!lock.tryLock()) {
      return s.keys(); // another request is refreshing; the current set is good meanwhile
    }
    try {
      if (due(state, clock.instant())) {
        fetch();
      }
    } finally {
      lock.unlock();
    }
    return state.keys();
  }

  @Override
  public KeySet keysAfterUnknownKid(String kid) {
    if (gapPassed(state, clock.instant())) {
      lock.lock();
      try {
        if (gapPassed(state, clock.instant())) {
          fetch();
        }
      } finally {
        lock.unlock();
      }
    }
    return state.keys();
  }

  /** Fetches now, regardless of schedule (for startup); returns the error, if the fetch failed. */
  public Optional<String> refreshNow() {
    lock.lock();
    try {
      fetch();
      return Optional.ofNullable(state.lastError());
    } finally {
      lock.unlock();
    }
  }

  public Status status() {
    State s = state;
    return new Status(
        url,
        s.keys().keys().size(),
        Optional.ofNullable(s.lastSuccess()),
        Optional.ofNullable(s.lastAttempt()),
        Optional.ofNullable(s.lastError()));
  }

  private boolean due(State s, Instant now) {
    if (s.lastAttempt() == null) {
      return true;
    }
    return gapPassed(s, now)
        && (s.lastSuccess() == null
            || !now.isBefore(s.lastSuccess().plus(settings.refreshEvery())));
  }

  private boolean gapPassed(State s, Instant now) {
    return s.lastAttempt() == null || !now.isBefore(s.lastAttempt().plus(settings.minGap()));
  }

  private void fetch() {
    State old = state;
    Instant started = clock.instant();
    try {
      Jwks jwks = Jwks.parse(download());
      boolean changed = !jwks.keys().equals(old.keys());
      // An unchanged set keeps its identity, so the verified-token cache stays warm.
      state = new State(changed ? jwks.keys() : old.keys(), started, started, null);
      if (changed) {
        jwks.skipped().forEach(line -> report.accept("JWKS " + url + ": skipped " + line));
      }
    } catch (InvalidJwk e) {
      fail(old, started, e.getMessage());
    } catch (IOException e) {
      fail(old, started, e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail(old, started, "interrupted");
    }
  }

  private byte[] download() throws IOException, InterruptedException, InvalidJwk {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(settings.requestTimeout())
            .header("Accept", "application/jwk-set+json, application/json")
            .GET()
            .build();
    HttpResponse<InputStream> response =
        client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new InvalidJwk("HTTP status " + response.statusCode());
      }
      return body.readNBytes(Jwks.MAX_BYTES + 1);
    }
  }

  private void fail(State old, Instant started, String reason) {
    state = new State(old.keys(), old.lastSuccess(), started, reason);
    report.accept(
        "JWKS "
            + url
            + " could not be fetched ("
            + reason
            + "); "
            + (old.lastSuccess() == null
                ? "no keys yet: tokens signed with its keys are refused until a fetch succeeds"
                : "keeping the "
                    + old.keys().keys().size()
                    + " keys fetched at "
                    + old.lastSuccess())
            + "; next try after "
            + started.plus(settings.minGap()));
  }

  /** https, or http to this machine only: keys fetched in the clear could be swapped in transit. */
  private static URI checked(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    String host = url.getHost();
    boolean ok =
        host != null
            && (scheme.equals("https")
                || (scheme.equals("http")
                    && (host.equalsIgnoreCase("localhost")
                        || host.startsWith("127.")
                        || host.equals("[::1]")
                        || host.equals("::1"))));
    if (!ok) {
      throw new ConfigException(
          "config.bad_value",
          "api.jwt.jwks_url: " + url + " is not an https URL (http is allowed only to localhost)",
          "use the identity provider's https jwks_uri");
    }
    return url;
  }
}
