package dev.tusk.core.config;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses PostgREST's config file format (configurator-pg's): {@code key = value} bindings, {@code
 * #} comments, values that are a {@code "string"} (see {@link PostgrestString}), a number, or
 * {@code true}/{@code false}/{@code on}/{@code off}; {@code name { ... }} groups prefix their keys
 * with {@code name.}. Bindings come back in file order, a key possibly more than once (the last
 * wins, as in PostgREST). Lists and {@code import} are refused: PostgREST never reads the former,
 * and the latter would pull in files Tusk was not pointed at.
 */
final class PostgrestFile {

  /** One binding: the value as text, the origin of its references, and where key and value are. */
  record Binding(String key, String text, String source, Location keyAt, Location valueAt) {}

  static final int MAX_DEPTH = 16;

  private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");
  private static final Pattern NUMBER =
      Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
  private static final Pattern WORD = Pattern.compile("[^\\s#}]+");

  private final PostgrestCursor in;
  private final Map<String, String> env;
  private final Map<String, String> bound = new HashMap<>();
  private final List<Binding> out = new ArrayList<>();

  private PostgrestFile(String text, String label, Map<String, String> env) {
    this.in = new PostgrestCursor(text, label);
    this.env = env;
  }

  static List<Binding> parse(String text, String label, Map<String, String> env) {
    PostgrestFile p = new PostgrestFile(text, label, env);
    p.bindings();
    return List.copyOf(p.out);
  }

  private void bindings() {
    ArrayDeque<String> groups = new ArrayDeque<>();
    while (true) {
      in.skipBlank();
      if (in.atEnd()) {
        if (!groups.isEmpty()) {
          throw in.error("the group '" + groups.peek() + "' has no closing '}'", "close the group");
        }
        return;
      }
      if (in.at('}')) {
        if (groups.isEmpty()) {
          throw in.error("'}' without an open group", "remove the '}'");
        }
        groups.pop();
        in.next();
        continue;
      }
      Location keyAt = in.here();
      String name = in.match(KEY, "a setting name");
      String key = groups.isEmpty() ? name : groups.peek() + "." + name;
      in.skipSpaces();
      if (name.equals("import") && in.at('"')) {
        throw in.error("import is not supported", "copy the imported file's settings here");
      }
      if (in.at('{')) {
        if (groups.size() >= MAX_DEPTH) {
          throw in.error("groups are nested deeper than " + MAX_DEPTH, "flatten the groups");
        }
        groups.push(key);
        in.next();
        continue;
      }
      binding(key, name, keyAt);
    }
  }

  private void binding(String key, String name, Location keyAt) {
    if (!in.at('=')) {
      throw in.error("expected '=' after " + Scalar.quote(name), "write: key = \"value\"");
    }
    in.next();
    in.skipSpaces();
    Location valueAt = in.here();
    PostgrestString.Value value = value(key);
    out.add(new Binding(key, value.text(), value.source(), keyAt, valueAt));
    bound.put(key, value.text());
    int after = in.position();
    in.skipSpaces();
    if (!in.atEnd() && in.position() == after && "#}\r\n".indexOf(in.peek()) < 0) {
      throw in.error("expected the end of the line after the value", "one setting per line");
    }
  }

  private PostgrestString.Value value(String key) {
    if (in.at('"')) {
      return PostgrestString.read(in, key, bound, env);
    }
    if (in.at('[')) {
      throw in.error(
          "lists are not PostgREST settings",
          "write several values as one quoted, comma-separated string: \"a, b\"");
    }
    int start = in.position();
    String word = in.atEnd() ? "" : in.match(WORD, "a value");
    return switch (word) {
      case "true", "on" -> new PostgrestString.Value("true", "literal");
      case "false", "off" -> new PostgrestString.Value("false", "literal");
      default -> {
        if (!NUMBER.matcher(word).matches()) {
          in.back(start);
          throw in.error(
              "expected a value: a \"quoted string\", a number, true/false or on/off",
              "put text in double quotes: " + key + " = \"...\"");
        }
        yield new PostgrestString.Value(word, "literal");
      }
    };
  }
}
