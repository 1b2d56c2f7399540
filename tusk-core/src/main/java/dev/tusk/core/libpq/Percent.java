package dev.tusk.core.libpq;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Percent-decoding as libpq's {@code conninfo_uri_decode} does it: {@code %XX} only (a lone {@code
 * %} or a non-hex digit is an error, {@code +} stays a plus), never {@code %00}. libpq passes the
 * bytes on unchecked; here they must also be UTF-8, since they become a Java string.
 */
final class Percent {

  private Percent() {}

  static String decode(String part, Function<Problem, ? extends RuntimeException> onError) {
    if (part.indexOf('%') < 0) {
      return part;
    }
    byte[] raw = part.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length);
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] != '%') {
        bytes.write(raw[i]);
        continue;
      }
      int hi = i + 1 < raw.length ? Character.digit(raw[i + 1], 16) : -1;
      int lo = i + 2 < raw.length ? Character.digit(raw[i + 2], 16) : -1;
      if (hi < 0 || lo < 0) {
        throw onError.apply(Problem.BAD_PERCENT);
      }
      int b = hi * 16 + lo;
      if (b == 0) {
        throw onError.apply(Problem.PERCENT_NUL);
      }
      bytes.write(b);
      i += 2;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw onError.apply(Problem.NOT_UTF8);
    }
  }
}
