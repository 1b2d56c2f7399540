package dev.tusk.core.http;

import dev.tusk.core.error.ConfigException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;

/**
 * How an {@link HttpServer} listens and what it accepts. Every limit is an explicit number with a
 * defined answer when exceeded: request line → 414, header bytes or count → 431, body → 413 (judged
 * from Content-Length before reading, and chunk by chunk while reading), connections → 503.
 *
 * @param host address to bind, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param port TCP port; 0 picks a free one (see {@link HttpServer#port()})
 * @param maxRequestLineBytes longest request line (method, target, version)
 * @param maxHeaderBytes all header lines together, each counted with its line ending
 * @param maxHeaderCount most header fields in one request
 * @param maxBodyBytes largest request body
 * @param headTimeout time for a whole request head to arrive once it has started, for the first
 *     request to start on a new connection, and the longest a body read may stall
 * @param idleTimeout how long a keep-alive connection may wait for its next request
 * @param shutdownTimeout how long {@link HttpServer#close()} lets requests in flight finish
 * @param maxConnections open connections; one more is answered 503 and closed
 * @param threads makes the thread for each connection (virtual threads by default)
 * @param clock the time for {@code Date} headers and head deadlines
 * @param errorRenderer the body of the answers the server gives itself (refused requests, a
 *     handler's failure, overload); {@link ErrorRenderer#DEFAULT} unless an API has its own shape
 */
public record ServerConfig(
    String host,
    int port,
    int maxRequestLineBytes,
    int maxHeaderBytes,
    int maxHeaderCount,
    long maxBodyBytes,
    Duration headTimeout,
    Duration idleTimeout,
    Duration shutdownTimeout,
    int maxConnections,
    ThreadFactory threads,
    Clock clock,
    ErrorRenderer errorRenderer) {

  /** The largest byte[] a JVM reliably allocates, so the largest body the server can hold. */
  public static final long MAX_BODY_LIMIT = Integer.MAX_VALUE - 8;

  public ServerConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(threads, "threads");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(errorRenderer, "errorRenderer");
    check("port", port, 0, 65535);
    check("max request line bytes", maxRequestLineBytes, 64, 1 << 20);
    check("max header bytes", maxHeaderBytes, 256, 1 << 24);
    check("max header count", maxHeaderCount, 1, 10_000);
    check("max body bytes", maxBodyBytes, 0, MAX_BODY_LIMIT);
    check("max connections", maxConnections, 1, 10_000_000);
    millis("head timeout", headTimeout);
    millis("idle timeout", idleTimeout);
    Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
    if (shutdownTimeout.isNegative()) {
      throw invalid("shutdown timeout", shutdownTimeout, "zero or more");
    }
  }

  /**
   * 8 KiB request line, 16 KiB and 100 header fields, 10 MiB bodies, 10 s for a request head, 60 s
   * idle keep-alive, 10 s to drain on close, 10,000 connections, a virtual thread each.
   */
  public static ServerConfig defaults(String host, int port, Clock clock) {
    return new ServerConfig(
        host,
        port,
        8 * 1024,
        16 * 1024,
        100,
        10L * 1024 * 1024,
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        Duration.ofSeconds(10),
        10_000,
        Thread.ofVirtual().name("tusk-http-", 0).factory(),
        clock,
        ErrorRenderer.DEFAULT);
  }

  public ServerConfig withLimits(
      int maxRequestLineBytes, int maxHeaderBytes, int maxHeaderCount, long maxBodyBytes) {
    return new ServerConfig(
        host,
        port,
        maxRequestLineBytes,
        maxHeaderBytes,
        maxHeaderCount,
        maxBodyBytes,
        headTimeout,
        idleTimeout,
        shutdownTimeout,
        maxConnections,
        threads,
        clock,
        errorRenderer);
  }

  public ServerConfig withTimeouts(Duration head, Duration idle, Duration shutdown) {
    return new ServerConfig(
        host,
        port,
        maxRequestLineBytes,
        maxHeaderBytes,
        maxHeaderCount,
        maxBodyBytes,
        head,
        idle,
        shutdown,
        maxConnections,
        threads,
        clock,
        errorRenderer);
  }

  public ServerConfig withMaxConnections(int maxConnections) {
    return new ServerConfig(
        host,
        port,
        maxRequestLineBytes,
        maxHeaderBytes,
        maxHeaderCount,
        maxBodyBytes,
        headTimeout,
        idleTimeout,
        shutdownTimeout,
        maxConnections,
        threads,
        clock,
        errorRenderer);
  }

  /** This config with {@code renderer} writing the bodies of the server's own answers. */
  public ServerConfig withErrorRenderer(ErrorRenderer renderer) {
    return new ServerConfig(
        host,
        port,
        maxRequestLineBytes,
        maxHeaderBytes,
        maxHeaderCount,
        maxBodyBytes,
        headTimeout,
        idleTimeout,
        shutdownTimeout,
        maxConnections,
        threads,
        clock,
        renderer);
  }

  int headTimeoutMillis() {
    return (int) headTimeout.toMillis();
  }

  int idleTimeoutMillis() {
    return (int) idleTimeout.toMillis();
  }

  private static void check(String name, long value, long min, long max) {
    if (value < min || value > max) {
      throw invalid(name, value, "between " + min + " and " + max);
    }
  }

  private static void millis(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.compareTo(Duration.ofMillis(1)) < 0
        || d.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
      throw invalid(name, d, "between 1 ms and 24 days");
    }
  }

  private static ConfigException invalid(String name, Object value, String range) {
    return new ConfigException(
        "http.invalid_limit",
        "HTTP server " + name + " is " + value + ", which is not " + range,
        "set the " + name + " to a value " + range);
  }
}
