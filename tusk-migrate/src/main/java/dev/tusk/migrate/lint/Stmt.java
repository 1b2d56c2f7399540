package dev.tusk.migrate.lint;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One statement of a migration file as tokens, with the rules its {@code -- tusk-lint-ignore}
 * comments switch off. The rules read it by position: {@code words(i, "drop")} is true only for an
 * unquoted keyword, so names and strings never match.
 */
final class Stmt {

  private final Source source;
  private final List<Token> tokens;
  private final Set<Rule> ignored = EnumSet.noneOf(Rule.class);

  Stmt(Source source, List<Token> tokens) {
    this.source = source;
    this.tokens = List.copyOf(tokens);
  }

  Source source() {
    return source;
  }

  int size() {
    return tokens.size();
  }

  Token get(int i) {
    return tokens.get(i);
  }

  /** True when tokens {@code i, i+1, ...} are the unquoted keywords {@code words}. */
  boolean words(int i, String... words) {
    if (i < 0 || i + words.length > tokens.size()) {
      return false;
    }
    for (int k = 0; k < words.length; k++) {
      if (!tokens.get(i + k).isWord(words[k])) {
        return false;
      }
    }
    return true;
  }

  boolean symbol(int i, char c) {
    return i >= 0 && i < tokens.size() && tokens.get(i).isSymbol(c);
  }

  /** The index of the parenthesis that closes the one at {@code open}, or {@link #size()}. */
  int closing(int open) {
    int depth = tokens.get(open).depth();
    for (int k = open + 1; k < tokens.size(); k++) {
      if (tokens.get(k).isSymbol(')') && tokens.get(k).depth() == depth) {
        return k;
      }
    }
    return tokens.size();
  }

  Spot spot(int i) {
    return source.spot(this, tokens.get(Math.min(i, tokens.size() - 1)).offset());
  }

  void ignore(Set<Rule> rules) {
    ignored.addAll(rules);
  }

  boolean ignores(Rule rule) {
    return ignored.contains(rule);
  }
}
