package dev.tusk.core.libpq;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A libpq connection string, parsed once by libpq's rules so that everything in Tusk that takes one
 * ({@code api.db_uri}, {@code --scratch-url}) reads it the same way. Either form: a URI ({@code
 * postgresql://user:pw@host1:5432,[::1]:5433/db?sslmode=require}, percent-encoded, query parameters
 * overriding the parts before them) or {@code key=value} pairs ({@code host=h password='a b\'c'}).
 *
 * <p>{@link #values()} is what libpq would store, keyword to value, in the order first written:
 * several hosts and ports are one comma-separated value each ({@code host=h1,::1 port=5432,5433}),
 * as in libpq. Which keywords are allowed, and what they mean, is for the caller: this is syntax
 * only. The string may hold a password, so no error quotes it; a caller words the error itself
 * through {@link #parse(String, Function)}.
 *
 * @param query a URI's query parameters as written (decoded; before libpq turns {@code ssl=true}
 *     into {@code sslmode=require}), for callers that allow only some there; empty for pairs
 */
public record ConnInfo(Form form, Map<String, String> values, List<Param> query) {

  /** Which of libpq's two syntaxes the string used. */
  public enum Form {
    URI,
    PAIRS
  }

  /** One {@code keyword=value}. */
  public record Param(String keyword, String value) {

    /** The keyword only: the value may be a password. */
    @Override
    public String toString() {
      return keyword + "=(not shown)";
    }
  }

  private static final int MAX_KEYWORD = 64;

  public ConnInfo {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    query = List.copyOf(query);
  }

  /** Parses {@code text}; a malformed one is a {@link Problem#exception()}. */
  public static ConnInfo parse(String text) {
    return parse(text, Problem::exception);
  }

  /**
   * Parses {@code text}; a malformed one throws what {@code onError} makes of the {@link Problem},
   * so that each caller keeps its own error code and names the string its own way.
   */
  public static ConnInfo parse(String text, Function<Problem, ? extends RuntimeException> onError) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\0') {
        throw onError.apply(Problem.NUL);
      }
      if (Character.isSurrogate(c)) {
        boolean paired =
            Character.isHighSurrogate(c)
                && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
        if (!paired) {
          throw onError.apply(Problem.NOT_UNICODE);
        }
        i++;
      }
    }
    for (String prefix : List.of("postgresql://", "postgres://")) {
      if (text.startsWith(prefix)) {
        return UriForm.parse(text.substring(prefix.length()), onError);
      }
    }
    if (text.indexOf('=') < 0 && !text.chars().allMatch(c -> PairsForm.isSpace((char) c))) {
      throw onError.apply(Problem.NOT_CONNINFO);
    }
    return PairsForm.parse(text, onError);
  }

  public Optional<String> get(String keyword) {
    return Optional.ofNullable(values.get(keyword));
  }

  /** The comma-separated entries of a value, as libpq splits {@code host} and {@code port}. */
  public List<String> list(String keyword) {
    return get(keyword).map(v -> Arrays.asList(v.split(",", -1))).orElse(List.of());
  }

  /**
   * This string with libpq's environment fallbacks filled in: for each of {@code keywords} that the
   * string leaves out, the value of its variable ({@link PgEnvironment#VARIABLES}) if set and not
   * empty. A keyword the string sets, even to an empty value, is left alone, as in libpq. Only the
   * given keywords: a caller that refuses some keyword must not be handed it by a variable it never
   * asked for.
   */
  public ConnInfo withEnvironment(Map<String, String> env, Collection<String> keywords) {
    Map<String, String> filled = new LinkedHashMap<>(values);
    PgEnvironment.VARIABLES.forEach(
        (keyword, variable) -> {
          String v = env.get(variable);
          if (keywords.contains(keyword) && v != null && !v.isEmpty()) {
            filled.putIfAbsent(keyword, v);
          }
        });
    return new ConnInfo(form, filled, query);
  }

  /** The keywords only: the values may hold a password. */
  @Override
  public String toString() {
    return "ConnInfo[" + form + ": " + String.join(", ", values.keySet()) + "]";
  }

  /** A libpq keyword's shape: letters, digits and {@code _}, at most 64 characters. */
  public static boolean isKeyword(String s) {
    if (s.isEmpty() || s.length() > MAX_KEYWORD) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /** A TCP port: a number from 1 to 65535, digits only. */
  public static boolean isPort(String s) {
    if (s.isEmpty() || s.length() > 5) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    int n = Integer.parseInt(s);
    return n >= 1 && n <= 65535;
  }
}
