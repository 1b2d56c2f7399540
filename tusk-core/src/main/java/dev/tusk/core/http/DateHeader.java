package dev.tusk.core.http;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The {@code Date} header value (IMF-fixdate, RFC 9110 §5.6.7), formatted once per second of the
 * server's clock rather than once per response. Shared by all connections; a stale read only costs
 * a second format.
 */
final class DateHeader {

  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private record Cached(long second, String text) {}

  private final Clock clock;
  private volatile Cached cached = new Cached(Long.MIN_VALUE, "");

  DateHeader(Clock clock) {
    this.clock = clock;
  }

  String now() {
    long second = Math.floorDiv(clock.millis(), 1000);
    Cached c = cached;
    if (c.second() != second) {
      c = new Cached(second, IMF_FIXDATE.format(Instant.ofEpochSecond(second)));
      cached = c;
    }
    return c.text();
  }
}
