package dev.tusk.rest.request;

import java.util.ArrayList;
import java.util.List;

/** {@code columns=a,b} and {@code on_conflict=a,b}: names separated by commas. */
final class NameList {

  private NameList() {}

  static List<String> parse(String input, String subject) {
    Cursor c = new Cursor(input, subject);
    List<String> names = new ArrayList<>();
    while (true) {
      c.skipBlanks();
      names.add(Lexer.name(c));
      c.skipBlanks();
      if (c.atEnd()) {
        return names;
      }
      if (!c.consume(',')) {
        throw c.fail("\",\"", "end of input");
      }
    }
  }
}
