package dev.tusk.rest.query;

import dev.tusk.rest.schema.QualifiedName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The data-modifying statement of a write, rendered into the {@code pgrst_source} CTE by {@link
 * WriteStatement}. Bodies travel as one JSON parameter per batch, turned into rows of the target's
 * own row type by {@code json_populate_recordset}, so PostgreSQL converts every value to its
 * column's type (arrays, composites, domains included) exactly as PostgREST's payloads are.
 */
public sealed interface Mutation {

  QualifiedName table();

  /** The target's alias: RETURNING and conditions are qualified by it. */
  String alias();

  /**
   * INSERT, one statement per batch: rows lacking some columns under {@code missing=default} form
   * their own batch that leaves those columns to their defaults.
   */
  record Insert(
      QualifiedName table,
      String alias,
      String bodyAlias,
      List<Batch> batches,
      Optional<OnConflict> onConflict)
      implements Mutation {
    public Insert {
      Objects.requireNonNull(table, "table");
      batches = List.copyOf(batches);
      if (batches.isEmpty()) {
        throw new IllegalArgumentException("an insert needs at least one batch");
      }
    }
  }

  /** UPDATE ... SET each column from the first row of the body. */
  record Update(
      QualifiedName table,
      String alias,
      String bodyAlias,
      List<String> columns,
      String json,
      List<Cond> conditions)
      implements Mutation {
    public Update {
      columns = List.copyOf(columns);
      conditions = List.copyOf(conditions);
    }
  }

  record Delete(QualifiedName table, String alias, List<Cond> conditions) implements Mutation {
    public Delete {
      conditions = List.copyOf(conditions);
    }
  }

  /** Touches nothing and returns no rows: a PATCH whose body sets no column. */
  record Nothing(QualifiedName table, String alias) implements Mutation {}

  /** Rows to insert: a JSON array of objects, and the columns taken from each. */
  record Batch(List<String> columns, String json) {
    public Batch {
      columns = List.copyOf(columns);
    }
  }

  /**
   * {@code ON CONFLICT (columns) DO UPDATE SET ...} (merge) or {@code DO NOTHING}; no columns means
   * no conflict target, allowed only with DO NOTHING.
   */
  record OnConflict(List<String> columns, boolean merge) {
    public OnConflict {
      columns = List.copyOf(columns);
    }
  }
}
