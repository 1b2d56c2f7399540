package dev.tusk.core.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An ordered, case-insensitive multi-map of header fields, immutable once built. Fields keep the
 * order and spelling they arrived (or were added) in, which matters for {@code Set-Cookie} and for
 * echoing headers back; look-ups ignore case. A request has at most a hundred or so fields, so a
 * linear scan beats hashing every name.
 */
public final class Headers {

  private static final Headers EMPTY = new Headers(new String[0], new String[0], 0);

  private final String[] names;
  private final String[] values;
  private final int size;
  private Map<String, List<String>> map;

  private Headers(String[] names, String[] values, int size) {
    this.names = names;
    this.values = values;
    this.size = size;
  }

  public static Headers empty() {
    return EMPTY;
  }

  /** Alternating names and values: {@code Headers.of("Content-Type", "application/json")}. */
  public static Headers of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("Headers.of takes name, value pairs");
    }
    Builder b = builder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      b.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return b.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public int size() {
    return size;
  }

  /** The name of the i-th field as it was spelled. */
  public String name(int i) {
    return names[i];
  }

  public String value(int i) {
    return values[i];
  }

  /** Every value of {@code name}, in order; empty when absent. */
  public List<String> all(String name) {
    List<String> out = null;
    for (int i = 0; i < size; i++) {
      if (names[i].equalsIgnoreCase(name)) {
        if (out == null) {
          out = new ArrayList<>(2);
        }
        out.add(values[i]);
      }
    }
    return out == null ? List.of() : Collections.unmodifiableList(out);
  }

  public Optional<String> first(String name) {
    for (int i = 0; i < size; i++) {
      if (names[i].equalsIgnoreCase(name)) {
        return Optional.of(values[i]);
      }
    }
    return Optional.empty();
  }

  public boolean contains(String name) {
    return first(name).isPresent();
  }

  /** Lower-case names to their values, in order of first appearance; unmodifiable. */
  public Map<String, List<String>> asMap() {
    Map<String, List<String>> m = map;
    if (m == null) {
      Map<String, List<String>> build = new LinkedHashMap<>();
      for (int i = 0; i < size; i++) {
        build
            .computeIfAbsent(names[i].toLowerCase(Locale.ROOT), k -> new ArrayList<>(1))
            .add(values[i]);
      }
      build.replaceAll((k, v) -> List.copyOf(v));
      m = Collections.unmodifiableMap(build);
      map = m;
    }
    return m;
  }

  @Override
  public String toString() {
    return asMap().toString();
  }

  /**
   * Collects fields. {@link #add} checks a name is a token and a value holds no control characters
   * and nothing beyond ISO-8859-1, so a handler cannot split a response with a stray CR LF.
   */
  public static final class Builder {
    private String[] names = new String[8];
    private String[] values = new String[8];
    private int size;

    private Builder() {}

    public Builder add(String name, String value) {
      if (!Syntax.isToken(name)) {
        throw new IllegalArgumentException("header name is not a token: " + name);
      }
      if (!Syntax.isFieldValue(value)) {
        throw new IllegalArgumentException("header " + name + " has a control character");
      }
      return addTrusted(name, value);
    }

    /** For the parser, which has already checked every byte. */
    Builder addTrusted(String name, String value) {
      if (size == names.length) {
        names = Arrays.copyOf(names, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      names[size] = name;
      values[size] = value;
      size++;
      return this;
    }

    public Builder addAll(Headers other) {
      for (int i = 0; i < other.size; i++) {
        addTrusted(other.names[i], other.values[i]);
      }
      return this;
    }

    int size() {
      return size;
    }

    public Headers build() {
      return size == 0 ? EMPTY : new Headers(names.clone(), values.clone(), size);
    }
  }
}
