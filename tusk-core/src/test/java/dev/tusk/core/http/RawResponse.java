package dev.tusk.core.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A response as read off a raw socket: status, lower-case headers, decoded body. */
record RawResponse(String statusLine, int status, Map<String, List<String>> headers, byte[] body) {

  Optional<String> header(String name) {
    List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
    return v == null ? Optional.empty() : Optional.of(v.get(0));
  }

  String text() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
