package dev.tusk.migrate;

import dev.tusk.core.error.ConfigException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding of a migration file. A file in Latin-1 or Windows-1252 would otherwise
 * reach the server as replacement characters inside string literals, silently changing the data, so
 * an invalid byte is an error naming the line and byte offset. NUL is refused too: PostgreSQL
 * cannot store it in text and would fail with a less helpful message.
 */
final class SourceText {

  private SourceText() {}

  /** Decodes {@code bytes} (line ends already normalised) of {@code file}. */
  static String decode(String file, byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int at = in.position();
      throw new ConfigException(
          "migrate.not_utf8",
          file + ":" + lineOf(bytes, at) + ": byte " + at + " is not valid UTF-8",
          "save the file as UTF-8 (e.g. iconv -f WINDOWS-1252 -t UTF-8)");
    }
    out.flip();
    String text = out.toString();
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      throw new ConfigException(
          "migrate.nul_byte",
          file
              + ":"
              + (1 + text.substring(0, nul).chars().filter(c -> c == '\n').count())
              + ": the file contains a NUL byte; it is binary or in UTF-16, not a SQL file",
          "save the file as UTF-8 text");
    }
    return text;
  }

  private static int lineOf(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }
}
