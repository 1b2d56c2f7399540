package dev.tusk.core.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client connection, served by one (virtual) thread as plain sequential code: wait for a
 * request, read its head and body, call the handler, write the response, repeat. Pipelined requests
 * are answered in order because there is only ever one in progress.
 *
 * <p>The first request must start within the head timeout (a connection that never sends anything
 * is a cheap attack); later ones within the idle keep-alive timeout. Once a request's first byte
 * arrives, its whole head must arrive within the head timeout. A body read may stall at most that
 * long between packets.
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
      int wait = config.headTimeoutMillis();
      while (true) {
        if (!in.await(wait) || !state.compareAndSet(IDLE, ACTIVE)) {
          return;
        }
        Exchange.Outcome outcome = exchange.serve(server::isClosing);
        if (outcome != Exchange.Outcome.KEEP_ALIVE) {
          linger = outcome == Exchange.Outcome.CLOSE_AFTER_ERROR;
          return;
        }
        state.set(IDLE);
        if (server.isClosing()) {
          return;
        }
        wait = config.idleTimeoutMillis();
      }
    } catch (SocketTimeoutException e) {
      // Idle too long between requests: close without a word, as RFC 9112 §9.5 allows.
    } catch (IOException e) {
      // The client went away, or close() closed the socket under us.
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
