package dev.tusk.rest.request;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits a raw query string into decoded {@code key=value} pairs, in order. Decoding is strict
 * where lenient decoders guess: a {@code %} not followed by two hex digits, bytes that are not
 * UTF-8, and NUL (which PostgreSQL text cannot hold) are errors, not replacement characters. A
 * {@code +} is a space, as in HTML forms and PostgREST. A pair without {@code =} has no value.
 */
final class QueryString {

  /** One decoded parameter; {@code value} is empty for {@code ?flag} (no {@code =}). */
  record Param(String key, Optional<String> value) {}

  private QueryString() {}

  static List<Param> parse(String raw) {
    List<Param> params = new ArrayList<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    int start = 0;
    while (start <= raw.length()) {
      int end = raw.indexOf('&', start);
      if (end < 0) {
        end = raw.length();
      }
      if (end > start) {
        int eq = raw.indexOf('=', start);
        if (eq < 0 || eq > end) {
          params.add(
              new Param(decode(raw, start, end, true, "a parameter name"), Optional.empty()));
        } else {
          String key = decode(raw, start, eq, true, "a parameter name");
          String value = decode(raw, eq + 1, end, true, "the value of '" + Cursor.echo(key) + "'");
          params.add(new Param(key, Optional.of(value)));
        }
      }
      start = end + 1;
    }
    return params;
  }

  /**
   * Percent-decodes {@code raw[from, to)} as UTF-8. Characters beyond ASCII (which a lenient HTTP
   * layer may let through unencoded) stand for themselves.
   */
  static String decode(String raw, int from, int to, boolean plusIsSpace, String what) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
    for (int i = from; i < to; i++) {
      char ch = raw.charAt(i);
      if (ch == '%') {
        int hi = i + 1 < to ? Character.digit(raw.charAt(i + 1), 16) : -1;
        int lo = i + 2 < to ? Character.digit(raw.charAt(i + 2), 16) : -1;
        if (hi < 0 || lo < 0) {
          String seen = raw.substring(i, Math.min(to, i + 3));
          throw error(
              "Invalid percent-encoding in the request URL",
              "\""
                  + seen
                  + "\" at position "
                  + (i + 1)
                  + " in "
                  + what
                  + " is not % followed by two hex digits",
              "Encode a literal % as %25.");
        }
        bytes.write(hi * 16 + lo);
        i += 2;
      } else if (ch == '+' && plusIsSpace) {
        bytes.write(' ');
      } else if (ch < 0x80) {
        bytes.write(ch);
      } else {
        int cp = raw.codePointAt(i);
        if (Character.isSurrogate(ch) && Character.charCount(cp) == 1) {
          throw notUtf8(what);
        }
        byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        bytes.write(utf8, 0, utf8.length);
        i += Character.charCount(cp) - 1;
      }
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes.toByteArray()))
              .toString();
    } catch (CharacterCodingException e) {
      throw notUtf8(what);
    }
    if (text.indexOf('\0') >= 0) {
      throw error(
          "The request URL contains a NUL character",
          what + " contains %00; PostgreSQL text cannot hold NUL",
          "Remove %00 from the request URL.");
    }
    return text;
  }

  private static ApiRequestException notUtf8(String what) {
    return error(
        "The request URL is not valid UTF-8",
        what + " does not decode to UTF-8 text",
        "Percent-encode text as UTF-8 bytes, e.g. %C3%A9 for \u00e9.");
  }

  private static ApiRequestException error(String message, String details, String hint) {
    return new ApiRequestException(
        new ApiRequestError.QueryParamError(message, Optional.of(details), Optional.of(hint)));
  }
}
