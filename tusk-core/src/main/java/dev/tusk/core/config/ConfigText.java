package dev.tusk.core.config;

import dev.tusk.core.error.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a small text file that a user pointed Tusk at (the config file, or a {@code ${file:...}}
 * secret) and refuses anything that is not: more than {@code maxBytes} (read with a bound, so a
 * FIFO or {@code /dev/zero} cannot exhaust memory), not UTF-8, or holding control characters other
 * than tab and line breaks. Each refusal names the file and the place.
 */
final class ConfigText {

  private ConfigText() {}

  /**
   * The decoded text, without a leading byte-order mark.
   *
   * @param what how the message names the file, such as {@code config file tusk.yaml}
   */
  static String read(Path file, String what, int maxBytes, String hintWhenMissing) {
    if (!Files.exists(file)) {
      throw new ConfigException(
          ConfigErrors.MISSING_FILE, what + " does not exist (" + file + ")", hintWhenMissing);
    }
    if (Files.isDirectory(file)) {
      throw new ConfigException(
          ConfigErrors.UNREADABLE_FILE,
          what + " is a directory, not a file (" + file + ")",
          "name the file itself");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(maxBytes + 1);
    } catch (IOException e) {
      throw new ConfigException(
          ConfigErrors.UNREADABLE_FILE,
          what + " cannot be read (" + file + "): " + e.getMessage(),
          "check that the file exists and that this user may read it");
    }
    if (bytes.length > maxBytes) {
      throw new ConfigException(
          ConfigErrors.TOO_LARGE,
          what + " is larger than " + (maxBytes / 1024) + " KiB (" + file + ")",
          "a Tusk config or secret file is small; check that the right file is named");
    }
    return decode(bytes, what);
  }

  static String decode(byte[] bytes, String what) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int offset = in.position();
      throw new ConfigException(
          ConfigErrors.PARSE_ERROR,
          what
              + " is not valid UTF-8: bad byte 0x"
              + String.format("%02x", bytes[Math.min(offset, bytes.length - 1)] & 0xff)
              + " at line "
              + (lineOf(bytes, offset))
              + " (byte offset "
              + offset
              + ")",
          "save the file as UTF-8 text");
    }
    out.flip();
    String text = out.toString();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    checkControlCharacters(text, what);
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

  private static void checkControlCharacters(String text, String what) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        column = 1;
        continue;
      }
      if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7f) {
        throw new ConfigException(
            ConfigErrors.PARSE_ERROR,
            what
                + " contains the control character U+"
                + String.format("%04X", (int) c)
                + " at line "
                + line
                + ", column "
                + column
                + "; it is not a text file",
            "name a YAML text file; binary content is not a config");
      }
      column++;
    }
  }
}
