package dev.tusk.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;

/**
 * Closes a connection after an error response without destroying that response. Closing a socket
 * with unread input makes the kernel send RST, and a client still uploading (a 1 MB header, a body
 * refused with 413) may then lose the response it has not read yet. So: half-close our side, read
 * and discard what the client still sends for a short while (bounded in time and bytes), then
 * close. Apache calls this a lingering close. It runs on real time rather than the server's clock,
 * so a test with a fixed clock cannot make it wait forever.
 */
final class Linger {

  static final int MAX_MILLIS = 2000;
  static final long MAX_BYTES = 8L * 1024 * 1024;

  private Linger() {}

  static void close(Socket socket, long millis) {
    try (socket) {
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      byte[] sink = new byte[8192];
      long deadline = System.nanoTime() + Math.min(millis, MAX_MILLIS) * 1_000_000;
      long read = 0;
      while (read < MAX_BYTES) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          return;
        }
        socket.setSoTimeout((int) left);
        int n = in.read(sink);
        if (n < 0) {
          return;
        }
        read += n;
      }
    } catch (IOException e) {
      // The client went away or timed out: either way the socket is closed, as intended.
    }
  }
}
