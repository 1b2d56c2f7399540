package dev.tusk.core.http;

import dev.tusk.core.error.OperationException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 server whose answer to hostile input is decided here, not by a library: limits with
 * status codes, a deadline for request heads, strict framing against request smuggling (see {@link
 * HeadParser}, {@link Framing}, {@link BodyReader}).
 *
 * <p>Blocking I/O on virtual threads, as Helidon Níma does: one thread accepts, and each connection
 * gets its own thread running plain sequential code. No event loop, no callbacks; a handler may
 * block on JDBC. Measured with wrk (64 connections, a 100-byte JSON) against the JDK's built-in
 * server on virtual threads, it spends about half the CPU per request and serves more requests per
 * second, so there is no case yet for Netty.
 *
 * <p>Over {@code maxConnections}, a new connection is accepted, answered {@code 503} with {@code
 * Retry-After: 1} and closed, rather than left in the kernel's backlog: a client learns at once
 * that the server is busy instead of timing out, and the listener never stops draining the backlog.
 * At most {@link Rejector#MAX_PENDING} such answers are in flight; beyond that, connections are
 * closed without one.
 */
public final class HttpServer implements AutoCloseable {

  private static final int BACKLOG = 1024;

  private final ServerConfig config;
  private final Handler handler;
  private final ServerLog log;
  private final DateHeader date;
  private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
  private final AtomicInteger open = new AtomicInteger();
  private final Rejector rejector;
  private ServerSocket listener;
  private Thread acceptor;
  private Thread watchdog;
  private volatile boolean closing;

  public HttpServer(ServerConfig config, Handler handler, ServerLog log) {
    this.config = config;
    this.handler = handler;
    this.log = log;
    this.date = new DateHeader(config.clock());
    this.rejector = new Rejector(config.threads(), date, config.errorRenderer());
  }

  /** Binds and starts accepting; returns this. */
  public synchronized HttpServer start() {
    if (listener != null) {
      throw new IllegalStateException("the HTTP server is already started");
    }
    ServerSocket s = null;
    try {
      s = new ServerSocket();
      s.bind(new InetSocketAddress(config.host(), config.port()), BACKLOG);
    } catch (IOException | IllegalArgumentException e) {
      closeQuietly(s);
      throw new OperationException(
          "http.bind_failed",
          "cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(),
          "choose a free port or an address of this machine",
          e);
    }
    listener = s;
    acceptor = config.threads().newThread(this::acceptLoop);
    acceptor.start();
    watchdog = config.threads().newThread(new IdleWatchdog(connections, config, this::isClosing));
    watchdog.start();
    return this;
  }

  /** The port listened on (the chosen one when the config said 0). */
  public synchronized int port() {
    if (listener == null) {
      throw new IllegalStateException("the HTTP server is not started");
    }
    return listener.getLocalPort();
  }

  /** Connections open right now (for metrics and tests). */
  public int openConnections() {
    return open.get();
  }

  private void acceptLoop() {
    while (!closing) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        if (closing) {
          return;
        }
        log.acceptFailed(e);
        pause();
        continue;
      }
      if (open.incrementAndGet() > config.maxConnections()) {
        open.decrementAndGet();
        rejector.reject(socket, config.headTimeoutMillis());
        continue;
      }
      Connection c = new Connection(socket, config, handler, log, this, date);
      connections.add(c);
      try {
        c.start(config.threads().newThread(c));
      } catch (RuntimeException e) {
        connectionEnded(c);
        closeQuietly(socket);
      }
    }
  }

  boolean isClosing() {
    return closing;
  }

  void connectionEnded(Connection c) {
    if (connections.remove(c)) {
      open.decrementAndGet();
    }
  }

  /** {@link #close(Duration)} with the configured shutdown timeout. */
  @Override
  public void close() {
    close(config.shutdownTimeout());
  }

  /**
   * Stops accepting, closes idle keep-alive connections at once, lets requests in flight finish
   * (their responses say {@code Connection: close}) for up to {@code grace}, then closes the rest.
   */
  public void close(Duration grace) {
    synchronized (this) {
      if (closing || listener == null) {
        closing = true;
        return;
      }
      closing = true;
    }
    closeQuietly(listener);
    watchdog.interrupt();
    try {
      acceptor.join();
      connections.forEach(Connection::closeIfIdle);
      long deadline = System.nanoTime() + grace.toNanos();
      for (Connection c : connections) {
        long left = deadline - System.nanoTime();
        if (left > 0) {
          c.thread().join(Duration.ofNanos(left));
        }
      }
      connections.forEach(Connection::forceClose);
      for (Connection c : connections) {
        c.thread().join(Duration.ofSeconds(1));
      }
    } catch (InterruptedException e) {
      connections.forEach(Connection::forceClose);
      Thread.currentThread().interrupt();
    }
    rejector.closeAll();
  }

  private static void pause() {
    try {
      Thread.sleep(100); // out of file descriptors: give close() calls elsewhere a moment
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c != null) {
      try {
        c.close();
      } catch (Exception e) {
        // Closing is all we wanted.
      }
    }
  }
}
