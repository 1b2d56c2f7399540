package dev.tusk.migrate.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A routine's identity arguments as text that CREATE, ALTER and DROP spell alike: argument names,
 * modes, defaults and type modifiers dropped, OUT arguments left out, common aliases unified
 * ({@code int}, {@code integer} → {@code int4}). So {@code f(a integer DEFAULT 1, OUT b text)} and
 * {@code f(int4)} match. Types it does not know stay as written, lower-cased.
 */
final class Signature {

  private static final Set<String> MODES = Set.of("in", "out", "inout", "variadic");

  /** The words that start a multi-word type name, with the words that can continue them. */
  private static final Map<String, Set<String>> MULTI_WORD =
      Map.of(
          "double", Set.of("precision"),
          "character", Set.of("varying"),
          "char", Set.of("varying"),
          "national", Set.of("character", "char"),
          "bit", Set.of("varying"),
          "time", Set.of("with", "without"),
          "timestamp", Set.of("with", "without"),
          "interval", Set.of("year", "month", "day", "hour", "minute", "second"));

  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("int", "int4"),
          Map.entry("integer", "int4"),
          Map.entry("smallint", "int2"),
          Map.entry("bigint", "int8"),
          Map.entry("real", "float4"),
          Map.entry("float", "float8"),
          Map.entry("double precision", "float8"),
          Map.entry("boolean", "bool"),
          Map.entry("character varying", "varchar"),
          Map.entry("char varying", "varchar"),
          Map.entry("character", "bpchar"),
          Map.entry("char", "bpchar"),
          Map.entry("decimal", "numeric"),
          Map.entry("timestamp with time zone", "timestamptz"),
          Map.entry("timestamp without time zone", "timestamp"),
          Map.entry("time with time zone", "timetz"),
          Map.entry("time without time zone", "time"),
          Map.entry("bit varying", "varbit"));

  private Signature() {}

  /**
   * The signature of the argument list between the parentheses at {@code open} and {@code close}.
   */
  static String of(Stmt s, int open, int close) {
    List<String> args = new ArrayList<>();
    int depth = s.get(open).depth() + 1;
    int start = open + 1;
    for (int k = open + 1; k <= close; k++) {
      if (k == close || (s.symbol(k, ',') && s.get(k).depth() == depth)) {
        String arg = argument(s, start, k);
        if (arg != null) {
          args.add(arg);
        }
        start = k + 1;
      }
    }
    return String.join(",", args);
  }

  /** One argument's type, or null for an OUT argument or an empty list. */
  private static String argument(Stmt s, int from, int to) {
    List<Token> t = new ArrayList<>();
    int depth = from < s.size() ? s.get(from).depth() : 0;
    for (int k = from; k < to; k++) {
      Token tok = s.get(k);
      if (tok.depth() == depth && (tok.isWord("default") || tok.isSymbol('='))) {
        break;
      }
      t.add(tok);
    }
    boolean out = false;
    while (!t.isEmpty() && isMode(t.get(0))) {
      out |= t.remove(0).isWord("out");
    }
    if (t.size() >= 2 && t.get(0).isName() && startsWithName(t)) {
      t.remove(0);
      while (!t.isEmpty() && isMode(t.get(0))) {
        out |= t.remove(0).isWord("out");
      }
    }
    if (out || t.isEmpty()) {
      return null;
    }
    return type(t);
  }

  private static boolean isMode(Token t) {
    return t.kind() == Token.Kind.WORD && MODES.contains(t.text());
  }

  /** Whether the first token is the argument's name rather than the start of its type. */
  private static boolean startsWithName(List<Token> t) {
    Token second = t.get(1);
    if (!second.isName()) {
      return false;
    }
    Set<String> continuations = MULTI_WORD.get(t.get(0).text());
    return t.get(0).kind() != Token.Kind.WORD
        || continuations == null
        || !(second.kind() == Token.Kind.WORD && continuations.contains(second.text()));
  }

  private static String type(List<Token> t) {
    StringBuilder base = new StringBuilder();
    StringBuilder suffix = new StringBuilder();
    int typmodDepth = -1;
    int start = 0;
    if (t.size() > 2 && t.get(0).isWord("pg_catalog") && t.get(1).isSymbol('.')) {
      start = 2;
    }
    for (int k = start; k < t.size(); k++) {
      Token tok = t.get(k);
      if (typmodDepth >= 0) {
        if (tok.isSymbol(')') && tok.depth() == typmodDepth) {
          typmodDepth = -1;
        }
      } else if (tok.isSymbol('(')) {
        typmodDepth = tok.depth();
      } else if (tok.isSymbol('[') || tok.isSymbol(']')) {
        suffix.append(tok.text());
      } else if (tok.kind() != Token.Kind.NUMBER) {
        if (!base.isEmpty() && !tok.isSymbol('.') && base.charAt(base.length() - 1) != '.') {
          base.append(' ');
        }
        base.append(tok.kind() == Token.Kind.QUOTED ? Names.show(tok.text()) : tok.text());
      }
    }
    String name = base.toString();
    return ALIASES.getOrDefault(name, name) + suffix;
  }
}
