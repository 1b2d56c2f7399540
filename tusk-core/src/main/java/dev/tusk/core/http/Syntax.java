package dev.tusk.core.http;

/**
 * The character classes of RFC 9110 §5.6 and RFC 9112, as lookup tables. The parser checks every
 * byte of a request head against these; the response side checks what handlers add.
 */
final class Syntax {

  private static final boolean[] TCHAR = new boolean[256];
  private static final boolean[] FIELD_VCHAR = new boolean[256];

  static {
    for (char c = '0'; c <= '9'; c++) {
      TCHAR[c] = true;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      TCHAR[c] = true;
      TCHAR[c - 32] = true;
    }
    for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
      TCHAR[c] = true;
    }
    // field-vchar = VCHAR / obs-text; SP and HTAB are allowed inside a value too.
    for (int b = 0x21; b <= 0xFF; b++) {
      FIELD_VCHAR[b] = b != 0x7F;
    }
    FIELD_VCHAR[' '] = true;
    FIELD_VCHAR['\t'] = true;
  }

  private Syntax() {}

  static boolean isTchar(int b) {
    return TCHAR[b & 0xFF];
  }

  /** A byte allowed in a field value (after the surrounding whitespace is trimmed). */
  static boolean isFieldByte(int b) {
    return FIELD_VCHAR[b & 0xFF];
  }

  /** A byte allowed in a request-target: any visible US-ASCII character. */
  static boolean isTargetByte(int b) {
    return b > 0x20 && b < 0x7F;
  }

  static boolean isToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c > 0xFF || !TCHAR[c]) {
        return false;
      }
    }
    return true;
  }

  static boolean isFieldValue(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c > 0xFF || !FIELD_VCHAR[c]) {
        return false;
      }
    }
    return true;
  }
}
