package dev.tusk.rest.query;

import dev.tusk.rest.schema.QualifiedName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Builds one SQL text and its parameters together, so a placeholder and its value can never get out
 * of step: {@link #param} appends {@code ?} and the value at once, {@link #ident} quotes a name,
 * and {@link #raw} is only ever given text written in this package or taken from the catalogs (a
 * type as {@code format_type} prints it, a validated cast).
 */
public final class Sql {

  private final StringBuilder text = new StringBuilder();
  private final List<String> params = new ArrayList<>();

  public Sql raw(String sql) {
    text.append(sql);
    return this;
  }

  /** One double-quoted identifier. */
  public Sql ident(String name) {
    text.append(QualifiedName.quote(name));
    return this;
  }

  /** {@code "alias"."column"}. */
  public Sql column(String alias, String column) {
    return ident(alias).raw(".").ident(column);
  }

  public Sql qualified(QualifiedName name) {
    text.append(name.quoted());
    return this;
  }

  /** A {@code ?} placeholder bound to {@code value} (null binds SQL NULL). */
  public Sql param(String value) {
    text.append('?');
    params.add(value);
    return this;
  }

  public Sql append(Sql other) {
    text.append(other.text);
    params.addAll(other.params);
    return this;
  }

  /** Renders each item with {@code render}, separated by {@code separator}. */
  public <T> Sql join(List<T> items, String separator, BiConsumer<Sql, T> render) {
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        text.append(separator);
      }
      render.accept(this, items.get(i));
    }
    return this;
  }

  public boolean isEmpty() {
    return text.isEmpty();
  }

  public String text() {
    return text.toString();
  }

  public List<String> params() {
    return Collections.unmodifiableList(new ArrayList<>(params)); // nulls allowed
  }

  public SqlStatement statement() {
    return new SqlStatement(text.toString(), params);
  }
}
