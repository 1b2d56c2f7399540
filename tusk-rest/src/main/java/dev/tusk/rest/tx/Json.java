package dev.tusk.rest.tx;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one ObjectMapper of this package (thread-safe once configured). */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}
}
