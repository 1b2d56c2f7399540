package dev.tusk.core.http;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * One parsed request, body included. {@code target} is the request-target exactly as sent (path and
 * raw query, still percent-encoded): the REST layer decodes it with its own rules, and decoding
 * here would lose the difference between {@code /a%2Fb} and {@code /a/b}. The body is fully read
 * (and bounded by {@link ServerConfig#maxBodyBytes()}) before a handler sees the request.
 */
public record Request(
    String method,
    String target,
    HttpVersion version,
    Headers headers,
    byte[] body,
    InetSocketAddress remote) {

  /** The target up to (not including) the first {@code ?}, still percent-encoded. */
  public String path() {
    int q = target.indexOf('?');
    return q < 0 ? target : target.substring(0, q);
  }

  /** The raw query string after the first {@code ?}, if there is one (it may be empty). */
  public Optional<String> rawQuery() {
    int q = target.indexOf('?');
    return q < 0 ? Optional.empty() : Optional.of(target.substring(q + 1));
  }
}
