package dev.tusk.core.http;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * What a handler answers. The server owns the message framing: it sets {@code Content-Length} or
 * {@code Transfer-Encoding} from the {@link Body} and {@code Connection} from the connection's
 * state, so a handler that sets one of those is a bug, refused here rather than silently dropped.
 * {@code Date} is added when the handler did not set one. For HEAD the server sends the head a GET
 * would get, without the body.
 */
public record Response(int status, Optional<String> reason, Headers headers, Body body) {

  public Response {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    if (status < 200 || status > 599) {
      throw new IllegalArgumentException("response status must be 200..599: " + status);
    }
    reason.ifPresent(
        r -> {
          if (!Syntax.isFieldValue(r)) {
            throw new IllegalArgumentException("reason phrase has a control character");
          }
        });
    for (String framing : new String[] {"Content-Length", "Transfer-Encoding", "Connection"}) {
      if (headers.contains(framing)) {
        throw new IllegalArgumentException(
            framing + " is set by the server from the body and connection state, not by handlers");
      }
    }
    if ((status == 204 || status == 304) && body.length() != 0) {
      throw new IllegalArgumentException("a " + status + " response has no body");
    }
  }

  public static Response of(int status, Headers headers, byte[] body) {
    return new Response(status, Optional.empty(), headers, Body.of(body));
  }

  /** No body: {@code Content-Length: 0} (none at all for 204 and 304). */
  public static Response empty(int status) {
    return new Response(status, Optional.empty(), Headers.empty(), Body.empty());
  }

  /** A JSON body, {@code Content-Type: application/json}. */
  public static Response json(int status, String json) {
    return of(
        status,
        Headers.of("Content-Type", "application/json"),
        json.getBytes(StandardCharsets.UTF_8));
  }

  /** A body produced while sending; {@code length} -1 sends it chunked. */
  public static Response streamed(int status, Headers headers, long length, BodyWriter writer) {
    return new Response(status, Optional.empty(), headers, Body.streamed(length, writer));
  }
}
