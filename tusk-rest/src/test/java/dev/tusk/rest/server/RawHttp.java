package dev.tusk.rest.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Sends bytes no real client would (a broken request line, a chunk size that is not hex, a head
 * larger than the server takes) over a plain socket and reads one response. The request is written
 * from another thread, so a server that answers before reading it all is not stuck behind the
 * write; every read has a timeout, so a server that never answers fails the test.
 */
final class RawHttp {

  /** A response: status, lower-case header names (first value), body. */
  record Answer(int status, Map<String, String> headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
  }

  private RawHttp() {}

  static Answer exchange(int port, String request) throws IOException, InterruptedException {
    return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1));
  }

  static Answer exchange(int port, byte[] request) throws IOException, InterruptedException {
    Socket socket = new Socket("127.0.0.1", port);
    try {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      Thread writer =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      out.write(request);
                      out.flush();
                    } catch (IOException e) {
                      // The server stopped reading, which is what a refusal does.
                    }
                  });
      Answer a;
      try {
        a = read(new BufferedInputStream(socket.getInputStream()));
      } finally {
        socket.close(); // also ends a write the server never read
        writer.join();
      }
      return a;
    } finally {
      socket.close();
    }
  }

  private static Answer read(InputStream in) throws IOException {
    String status = line(in);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String l = line(in); !l.isEmpty(); l = line(in)) {
      int colon = l.indexOf(':');
      headers.putIfAbsent(
          l.substring(0, colon).toLowerCase(Locale.ROOT), l.substring(colon + 1).strip());
    }
    String length = headers.get("content-length");
    byte[] body = length == null ? in.readAllBytes() : in.readNBytes(Integer.parseInt(length));
    return new Answer(Integer.parseInt(status.split(" ", 3)[1]), headers, body);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    while (true) {
      int c = in.read();
      if (c < 0) {
        throw new EOFException("the server closed the connection after '" + b + "'");
      }
      if (c == '\n') {
        String s = b.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      b.write(c);
    }
  }
}
