package dev.tusk.core.config;

import dev.tusk.core.error.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One double-quoted string of a PostgREST config file: JSON-style escapes, {@code $(NAME)} (an
 * earlier setting, else an environment variable) and {@code $$} for a literal {@code $}; a lone
 * {@code $} is an error, as in PostgREST. Replacement is one pass, and the result is bounded, so a
 * file that repeats a large variable cannot exhaust memory.
 */
final class PostgrestString {

  /** The text and its source: {@code literal}, or the variables it used joined by '+'. */
  record Value(String text, String source) {}

  static final int MAX_CHARS = 1024 * 1024;

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  private PostgrestString() {}

  /** Reads the string that starts at the cursor (on its opening quote). */
  static Value read(
      PostgrestCursor in, String key, Map<String, String> bound, Map<String, String> env) {
    Location start = in.here();
    in.next();
    StringBuilder out = new StringBuilder();
    List<String> sources = new ArrayList<>();
    while (!in.at('"')) {
      if (in.atEnd()) {
        throw new ConfigException(
            ConfigErrors.PARSE_ERROR,
            "cannot parse " + start + ": the string of " + key + " has no closing '\"'",
            "close the string; write \\\" for a '\"' inside it");
      }
      if (in.at('\\')) {
        out.append(escape(in));
      } else if (in.at('$')) {
        out.append(reference(in, bound, env, sources));
      } else {
        out.append(in.next());
      }
      if (out.length() > MAX_CHARS) {
        throw in.error("the value of " + key + " is longer than 1 MiB", "shorten the value");
      }
    }
    in.next();
    return new Value(out.toString(), sources.isEmpty() ? "literal" : String.join("+", sources));
  }

  private static char escape(PostgrestCursor in) {
    int at = in.position();
    in.next();
    if (in.atEnd()) {
      in.back(at);
      throw in.error("a '\\' ends the file", "close the string");
    }
    char e = in.next();
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
        StringBuilder hex = new StringBuilder();
        while (hex.length() < 4 && !in.atEnd() && Character.digit(in.peek(), 16) >= 0) {
          hex.append(in.next());
        }
        if (hex.length() == 4) {
          return (char) Integer.parseInt(hex.toString(), 16);
        }
        in.back(at);
        throw in.error("\\u must be followed by four hex digits", "write \\u0041 for 'A'");
      }
      default -> {
        in.back(at);
        throw in.error(
            "unknown escape '\\" + e + "'", "use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX");
      }
    }
  }

  private static String reference(
      PostgrestCursor in,
      Map<String, String> bound,
      Map<String, String> env,
      List<String> sources) {
    if (in.at("$$")) {
      in.skip(2);
      return "$";
    }
    String inside = in.at("$(") ? in.until(')') : null;
    String name = inside == null ? "" : inside.substring(2);
    if (!NAME.matcher(name).matches()) {
      throw in.error("a '$' must start $(NAME) or be doubled ($$)", "write $$ for a literal '$'");
    }
    String value = bound.containsKey(name) ? bound.get(name) : env.get(name);
    if (value == null) {
      throw new ConfigException(
          ConfigErrors.MISSING_ENV,
          "cannot read "
              + in.here()
              + ": $("
              + name
              + ") is neither an earlier setting nor a set environment variable",
          "set " + name + " in Tusk's environment (export " + name + "=...), or fix the reference");
    }
    if (!bound.containsKey(name)) {
      sources.add("env:" + name);
    }
    in.skip(inside.length() + 1);
    return value;
  }
}
