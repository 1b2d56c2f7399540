package dev.tusk.core.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client connection, served by one (virtual) thread as plain sequential code: wait for a
 * request, read its head and body, call the handler, write the response, repeat. Pipelined requests
 * are answered in order because there is only ever one in progress.
 *
 * <p>The first request must start within the head timeout (a connection that never sends anything
 * is a cheap attack); later ones within the idle keep-alive timeout. Those waits are untimed reads
 * that {@link IdleWatchdog} ends by closing the socket. Once a request's first byte arrives, its
 * whole head must arrive within the head timeout, and a body read may stall at most that long;
 * those are socket read timeouts, which only arm a timer when a request arrives in pieces.
 *
 * <p>The state (idle, active, closed) lets {@link HttpServer#close} close idle connections at once
 * while active ones finish their request and then close.
 */
final class Connection implements Runnable {

  private static final int IDLE = 0;
  private static final int ACTIVE = 1;
  private static final int CLOSED = 2;

  private final Socket socket;
  private final ServerConfig config;
  private final Handler handler;
  private final ServerLog log;
  private final HttpServer server;
  private final DateHeader date;
  private final AtomicInteger state = new AtomicInteger(IDLE);
  private volatile Thread thread;

  /** When the wait for the next request ends (clock millis); read by {@link IdleWatchdog}. */
  private volatile long idleDeadline;

  Connection(
      Socket socket,
      ServerConfig config,
      Handler handler,
      ServerLog log,
      HttpServer server,
      DateHeader date) {
    this.socket = socket;
    this.config = config;
    this.handler = handler;
    this.log = log;
    this.server = server;
    this.date = date;
    this.idleDeadline = config.clock().millis() + config.headTimeoutMillis();
  }

  void start(Thread t) {
    thread = t;
    t.start();
  }

  Thread thread() {
    return thread;
  }

  /** Closes the connection if it is between requests; returns whether it did. */
  boolean closeIfIdle() {
    if (state.compareAndSet(IDLE, CLOSED)) {
      forceClose();
      return true;
    }
    return false;
  }

  /** Closes the connection if it has waited for a request past its deadline (clock millis). */
  boolean closeIfExpired(long now) {
    return now >= idleDeadline && closeIfIdle();
  }

  /** Closes the socket, failing any read or write in progress. */
  void forceClose() {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing is all we wanted.
    }
  }

  @Override
  public void run() {
    boolean linger = false;
    try {
      socket.setTcpNoDelay(true);
      HttpInput in =
          new HttpInput(
              socket.getInputStream(),
              socket::setSoTimeout,
              config.clock(),
              Math.max(config.maxRequestLineBytes(), config.maxHeaderBytes()));
      ResponseWriter out = new ResponseWriter(socket.getOutputStream(), date);
      Exchange exchange = new Exchange(config, handler, log, in, out, remote());
      while (true) {
        if (!in.await() || !state.compareAndSet(IDLE, ACTIVE)) {
          return;
        }
        Exchange.Outcome outcome = exchange.serve(server::isClosing);
        if (outcome != Exchange.Outcome.KEEP_ALIVE) {
          linger = outcome == Exchange.Outcome.CLOSE_AFTER_ERROR;
          return;
        }
        // The new deadline first: the watchdog must never see this idle with the old one.
        idleDeadline = config.clock().millis() + config.idleTimeoutMillis();
        state.set(IDLE);
        if (server.isClosing()) {
          return;
        }
      }
    } catch (IOException e) {
      // The client went away, or the server or its watchdog closed the socket under us (idle too
      // long: closing without a word is what RFC 9112 §9.5 allows).
    } finally {
      state.set(CLOSED);
      if (linger) {
        Linger.close(socket, config.headTimeoutMillis());
      } else {
        forceClose();
      }
      server.connectionEnded(this);
    }
  }

  private InetSocketAddress remote() {
    return (InetSocketAddress) socket.getRemoteSocketAddress();
  }
}
