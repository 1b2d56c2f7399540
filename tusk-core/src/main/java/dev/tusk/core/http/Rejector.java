package dev.tusk.core.http;

import java.io.IOException;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;

/**
 * Answers connections over the limit with {@code 503} and closes them. The answer is written
 * without reading the request (it fits in the socket's send buffer, so the write does not block),
 * then the connection lingers briefly so the unread request does not turn the close into a reset
 * that destroys the answer. Bounded: past {@link #MAX_PENDING} lingering rejections a connection is
 * simply closed.
 */
final class Rejector {

  static final int MAX_PENDING = 256;

  private final ThreadFactory threads;
  private final DateHeader date;
  private final ErrorResponses errors;
  private final Set<Socket> pending = ConcurrentHashMap.newKeySet();

  Rejector(ThreadFactory threads, DateHeader date, ErrorRenderer renderer) {
    this.threads = threads;
    this.date = date;
    this.errors = new ErrorResponses(renderer);
  }

  void reject(Socket socket, int lingerMillis) {
    if (pending.size() >= MAX_PENDING) {
      closeQuietly(socket);
      return;
    }
    pending.add(socket);
    try {
      threads.newThread(() -> answer(socket, lingerMillis)).start();
    } catch (RuntimeException e) {
      pending.remove(socket);
      closeQuietly(socket);
    }
  }

  private void answer(Socket socket, int lingerMillis) {
    try {
      new ResponseWriter(socket.getOutputStream(), date)
          .write(errors.overloaded(), false, HttpVersion.HTTP_1_1, false);
      Linger.close(socket, lingerMillis);
    } catch (IOException e) {
      closeQuietly(socket);
    } finally {
      pending.remove(socket);
    }
  }

  void closeAll() {
    pending.forEach(Rejector::closeQuietly);
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // Closing is all we wanted.
    }
  }
}
