package dev.tusk.rest.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses Cookie headers ({@code a=b; c=d}) for {@code request.cookies}. First value wins. */
final class Cookies {

  private Cookies() {}

  static Map<String, String> parse(List<String> headers) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String h : headers) {
      for (String part : h.split(";")) {
        int eq = part.indexOf('=');
        if (eq <= 0) {
          continue;
        }
        String name = part.substring(0, eq).strip();
        String value = part.substring(eq + 1).strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        if (!name.isEmpty()) {
          out.putIfAbsent(name, value);
        }
      }
    }
    return out;
  }
}
