package dev.tusk.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bytes over a plain socket, for the requests HttpClient refuses to send (garbage, huge headers,
 * binary). Writing happens on its own thread, so a server that stops reading cannot block the test;
 * reading has a timeout, and a timeout is a test failure: the server must answer or close.
 */
final class RawHttp {

  static final int TIMEOUT_MS = 15_000;

  /** The responses, in order, that came back before the server closed the connection. */
  record Result(List<Response> responses) {

    /** True when the server closed without answering or answered only with 4xx. */
    boolean rejected() {
      return responses.stream().allMatch(r -> r.status() >= 400 && r.status() < 500);
    }
  }

  /** One HTTP response; header names are lower-cased. */
  record Response(int status, Map<String, String> headers, String body) {}

  private RawHttp() {}

  /** Sends {@code request}, half-closes if asked, and reads responses until the server closes. */
  static Result exchange(int port, byte[] request, boolean halfClose)
      throws IOException, InterruptedException {
    Socket s = new Socket();
    Thread writer = null;
    try {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MS);
      s.setSoTimeout(TIMEOUT_MS);
      writer = Thread.ofVirtual().start(() -> write(s, request, halfClose));
      List<Response> responses = new ArrayList<>();
      InputStream in = new BufferedInputStream(s.getInputStream());
      try {
        for (Response r = read(in); r != null; r = read(in)) {
          responses.add(r);
        }
      } catch (SocketTimeoutException e) {
        throw new AssertionError(
            "the server neither answered nor closed within "
                + TIMEOUT_MS
                + " ms; responses so far: "
                + responses);
      } catch (SocketException e) {
        // reset by the server: it closed with our bytes unread
      }
      return new Result(responses);
    } finally {
      s.close(); // also ends a write the server stopped reading
      if (writer != null) {
        writer.join();
      }
    }
  }

  private static void write(Socket s, byte[] request, boolean halfClose) {
    try {
      s.getOutputStream().write(request);
      s.getOutputStream().flush();
      if (halfClose) {
        s.shutdownOutput();
      }
    } catch (IOException e) {
      // the server may close before reading everything: that is an answer too
    }
  }

  /** The next response, or null at a clean end of stream. */
  private static Response read(InputStream in) throws IOException {
    String status = line(in);
    if (status == null) {
      return null;
    }
    String[] parts = status.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new AssertionError("not an HTTP status line: " + status);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
      int colon = h.indexOf(':');
      headers.put(h.substring(0, colon).toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
    }
    byte[] body;
    if (headers.containsKey("content-length")) {
      body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
    } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      for (int n = Integer.parseInt(line(in), 16); n > 0; n = Integer.parseInt(line(in), 16)) {
        b.write(in.readNBytes(n));
        line(in);
      }
      line(in);
      body = b.toByteArray();
    } else {
      body = in.readAllBytes();
    }
    return new Response(
        Integer.parseInt(parts[1]), headers, new String(body, StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
      }
      if (c != '\r') {
        b.write(c);
      }
    }
    return b.toString(StandardCharsets.ISO_8859_1);
  }
}
