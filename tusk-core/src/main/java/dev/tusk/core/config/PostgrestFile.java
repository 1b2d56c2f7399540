package dev.tusk.core.config;

import dev.tusk.core.error.ConfigException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses PostgREST's config file format (configurator-pg's): {@code key = value} bindings, {@code
 * #} comments, values that are a {@code "string"} (JSON-style escapes), a number, or {@code
 * true}/{@code false}/{@code on}/{@code off}; {@code $(NAME)} in a string is the value of an
 * earlier binding or else an environment variable, and {@code $$} is a literal {@code $}; {@code
 * name { ... }} groups prefix their keys with {@code name.}. A later binding of a key replaces an
 * earlier one. Lists and {@code import} are refused: PostgREST never reads the former, and the
 * latter would pull in files Tusk was not pointed at.
 */
final class PostgrestFile {

  /** One binding: the value as text, the origin of its references, and where key and value are. */
  record Binding(String key, String text, String source, Location keyAt, Location valueAt) {}

  static final int MAX_DEPTH = 16;
  static final int MAX_VALUE_CHARS = 1024 * 1024;

  private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");
  private static final Pattern NUMBER =
      Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
  private static final Pattern WORD = Pattern.compile("[^\\s#}]+");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  private final String text;
  private final String label;
  private final Map<String, String> env;
  private final Map<String, String> bound = new HashMap<>();
  private final List<Binding> out = new ArrayList<>();
  private int pos;
  private int line = 1;
  private int lineStart;

  private PostgrestFile(String text, String label, Map<String, String> env) {
    this.text = text;
    this.label = label;
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
      skipBlank();
      if (pos >= text.length()) {
        if (!groups.isEmpty()) {
          throw error("the group '" + groups.peek() + "' has no closing '}'", "close the group");
        }
        return;
      }
      if (text.charAt(pos) == '}') {
        if (groups.isEmpty()) {
          throw error("'}' without an open group", "remove the '}'");
        }
        groups.pop();
        pos++;
        continue;
      }
      Location keyAt = here();
      String key = match(KEY, "a setting name such as db-uri");
      skipSpaces();
      String prefix = groups.isEmpty() ? "" : groups.peek() + ".";
      if (key.equals("import") && pos < text.length() && text.charAt(pos) == '"') {
        throw error("import is not supported", "copy the imported file's settings into this file");
      }
      if (pos < text.length() && text.charAt(pos) == '{') {
        if (groups.size() >= MAX_DEPTH) {
          throw error("groups are nested deeper than " + MAX_DEPTH, "flatten the groups");
        }
        groups.push(prefix + key);
        pos++;
        continue;
      }
      if (pos >= text.length() || text.charAt(pos) != '=') {
        throw error("expected '=' after " + Scalar.quote(key), "write: key = \"value\"");
      }
      pos++;
      skipSpaces();
      Location valueAt = here();
      String[] value = value(prefix + key);
      out.add(new Binding(prefix + key, value[0], value[1], keyAt, valueAt));
      bound.put(prefix + key, value[0]);
      int after = pos;
      skipSpaces();
      if (pos < text.length() && pos == after && "#}\r\n".indexOf(text.charAt(pos)) < 0) {
        throw error("expected the end of the line after the value", "one setting per line");
      }
    }
  }

  /** The value's text and its source ({@code literal}, or the variables it used). */
  private String[] value(String key) {
    if (pos < text.length() && text.charAt(pos) == '"') {
      return string(key);
    }
    if (pos < text.length() && text.charAt(pos) == '[') {
      throw error(
          "lists are not PostgREST settings",
          "write several values as one quoted, comma-separated string: \"a, b\"");
    }
    String word = match(WORD, "a value");
    return switch (word) {
      case "true", "on" -> new String[] {"true", "literal"};
      case "false", "off" -> new String[] {"false", "literal"};
      default -> {
        if (!NUMBER.matcher(word).matches()) {
          pos -= word.length();
          throw error(
              "expected a value: a \"quoted string\", a number, true/false or on/off",
              "put text in double quotes: " + key + " = \"...\"");
        }
        yield new String[] {word, "literal"};
      }
    };
  }

  private String[] string(String key) {
    Location start = here();
    pos++;
    StringBuilder value = new StringBuilder();
    List<String> sources = new ArrayList<>();
    while (true) {
      if (pos >= text.length()) {
        throw new ConfigException(
            ConfigErrors.PARSE_ERROR,
            "cannot parse " + start + ": the string of " + key + " has no closing '\"'",
            "close the string; write \\\" for a '\"' inside it");
      }
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        break;
      }
      if (c == '\n') {
        newline(pos + 1);
      }
      if (c == '\\') {
        value.append(escape());
      } else if (c == '$') {
        value.append(reference(sources));
      } else {
        value.append(c);
        pos++;
      }
      if (value.length() > MAX_VALUE_CHARS) {
        throw error("the value of " + key + " is longer than 1 MiB", "shorten the value");
      }
    }
    return new String[] {
      value.toString(), sources.isEmpty() ? "literal" : String.join("+", sources)
    };
  }

  private char escape() {
    if (pos + 1 >= text.length()) {
      throw error("a '\\' ends the file", "close the string");
    }
    char e = text.charAt(pos + 1);
    pos += 2;
    switch (e) {
      case '"', '\\', '/' -> {
        return e;
      }
      case 'b' -> {
        return '\b';
      }
      case 'f' -> {
        return '\f';
      }
      case 'n' -> {
        return '\n';
      }
      case 'r' -> {
        return '\r';
      }
      case 't' -> {
        return '\t';
      }
      case 'u' -> {
        if (pos + 4 <= text.length() && text.substring(pos, pos + 4).matches("[0-9A-Fa-f]{4}")) {
          pos += 4;
          return (char) Integer.parseInt(text.substring(pos - 4, pos), 16);
        }
        pos -= 2;
        throw error("\\u must be followed by four hex digits", "write \\u0041 for 'A'");
      }
      default -> {
        pos -= 2;
        throw error(
            "unknown escape '\\" + e + "'", "use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX");
      }
    }
  }

  private String reference(List<String> sources) {
    if (text.startsWith("$$", pos)) {
      pos += 2;
      return "$";
    }
    int close = text.indexOf(')', pos);
    String name = close < 0 || !text.startsWith("$(", pos) ? "" : text.substring(pos + 2, close);
    if (!NAME.matcher(name).matches()) {
      throw error("a '$' must start $(NAME) or be doubled ($$)", "write $$ for a literal '$'");
    }
    String value = bound.containsKey(name) ? bound.get(name) : env.get(name);
    if (value == null) {
      throw new ConfigException(
          ConfigErrors.MISSING_ENV,
          "cannot read "
              + here()
              + ": $("
              + name
              + ") is neither an earlier setting nor a set"
              + " environment variable",
          "set " + name + " in Tusk's environment (export " + name + "=...), or fix the reference");
    }
    if (!bound.containsKey(name)) {
      sources.add("env:" + name);
    }
    pos = close + 1;
    return value;
  }

  private String match(Pattern p, String what) {
    Matcher m = p.matcher(text).region(pos, text.length());
    if (!m.lookingAt()) {
      throw error("expected " + what, "write: key = \"value\"");
    }
    pos = m.end();
    return m.group();
  }

  private void skipSpaces() {
    while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
      pos++;
    }
  }

  private void skipBlank() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '#') {
        while (pos < text.length() && text.charAt(pos) != '\n') {
          pos++;
        }
      } else if (c == '\n') {
        newline(++pos);
      } else if (Character.isWhitespace(c)) {
        pos++;
      } else {
        return;
      }
    }
  }

  private void newline(int next) {
    line++;
    lineStart = next;
  }

  private Location here() {
    return new Location(label, line, pos - lineStart + 1);
  }

  private ConfigException error(String what, String hint) {
    return new ConfigException(
        ConfigErrors.PARSE_ERROR, "cannot parse " + here() + ": " + what, hint);
  }
}
