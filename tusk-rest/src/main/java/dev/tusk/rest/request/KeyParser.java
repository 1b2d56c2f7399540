package dev.tusk.rest.request;

import java.util.ArrayList;
import java.util.List;

/**
 * Parameter names: {@code rel.rel2.col->>key} is a column of the embed at {@code [rel, rel2]};
 * {@code rel.order} and {@code rel.not.or} are reserved words under an embed path.
 */
final class KeyParser {

  /** A filter's key: where it applies and on what. */
  record TreePath(EmbedPath path, Field field) {}

  private KeyParser() {}

  static TreePath treePath(String key) {
    Cursor c = new Cursor(key, "tree path");
    List<String> names = names(c);
    List<JsonStep> json = Lexer.jsonPath(c);
    if (!c.atEnd()) {
      throw c.fail("delimiter (.)", "\"->\"", "\"->>\"", "end of input");
    }
    String column = names.remove(names.size() - 1);
    return new TreePath(new EmbedPath(names), new Field(column, json));
  }

  /** The embed path in front of a reserved word, e.g. {@code a.b} of {@code a.b.limit}. */
  static EmbedPath embedPath(String prefix) {
    Cursor c = new Cursor(prefix, "tree path");
    List<String> names = names(c);
    if (!c.atEnd()) {
      throw c.fail("delimiter (.)", "end of input");
    }
    return new EmbedPath(names);
  }

  private static List<String> names(Cursor c) {
    List<String> names = new ArrayList<>();
    names.add(Lexer.name(c));
    while (c.consume('.')) {
      names.add(Lexer.name(c));
    }
    return names;
  }
}
