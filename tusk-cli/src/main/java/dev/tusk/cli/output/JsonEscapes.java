package dev.tusk.cli.output;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Jackson's standard escaping of C0 controls plus DEL, C1 controls, bidi controls and the
 * line/paragraph separators, the code points {@link TerminalText} refuses to print raw, all as
 * JSON's backslash-u escapes. The output is the same data, still valid JSON, and safe to print on a
 * terminal; CJK and emoji stay readable.
 */
final class JsonEscapes extends CharacterEscapes {

  private static final long serialVersionUID = 1L;

  private final int[] ascii;

  JsonEscapes() {
    ascii = standardAsciiEscapesForJSON();
    ascii[0x7F] = ESCAPE_STANDARD;
  }

  @Override
  public int[] getEscapeCodesForAscii() {
    return ascii;
  }

  @Override
  public SerializableString getEscapeSequence(int ch) {
    // Surrogates arrive one UTF-16 unit at a time here; pairs (emoji) must stay as they are.
    if (Character.isSurrogate((char) ch) || !TerminalText.isUnsafe(ch)) {
      return null;
    }
    return new SerializedString(String.format("\\u%04x", ch));
  }
}
