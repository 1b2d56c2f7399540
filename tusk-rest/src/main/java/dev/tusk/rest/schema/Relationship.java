package dev.tusk.rest.schema;

import java.util.List;
import java.util.Objects;

/**
 * A way to embed one relation in another, as the planner needs it: which relation a request starts
 * from, which it reaches, and the columns to join on. Every foreign key yields one in each
 * direction; views inherit them from the base-table columns they expose; a junction table with keys
 * to two relations yields many-to-many ones; a function {@code f(a) RETURNS SETOF b} yields a
 * computed one.
 */
public sealed interface Relationship {

  QualifiedName from();

  QualifiedName to();

  Cardinality cardinality();

  /**
   * One direction of a foreign key: {@code fromColumns[i] = toColumns[i]} joins the two. For a
   * many-to-one (and the forward one-to-one) the {@code from} side holds the key; for a one-to-many
   * (and the backward one-to-one) the {@code to} side does. {@code constraint} is the base table's
   * constraint name, also for relationships between views.
   */
  record ForeignKeyRel(
      QualifiedName from,
      List<String> fromColumns,
      QualifiedName to,
      List<String> toColumns,
      String constraint,
      Cardinality cardinality,
      boolean fromHoldsKey)
      implements Relationship {

    public ForeignKeyRel {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      fromColumns = List.copyOf(fromColumns);
      toColumns = List.copyOf(toColumns);
      Objects.requireNonNull(constraint, "constraint");
      if (fromColumns.isEmpty() || fromColumns.size() != toColumns.size()) {
        throw new IllegalArgumentException(
            "a foreign key joins as many columns on each side: " + fromColumns + " " + toColumns);
      }
      boolean consistent =
          switch (cardinality) {
            case MANY_TO_ONE -> fromHoldsKey;
            case ONE_TO_MANY -> !fromHoldsKey;
            case ONE_TO_ONE -> true;
            case MANY_TO_MANY -> false;
          };
      if (!consistent) {
        throw new IllegalArgumentException(
            cardinality + " with fromHoldsKey=" + fromHoldsKey + " is not a foreign key direction");
      }
    }

    /** The same key seen from the other end. */
    public ForeignKeyRel reversed() {
      Cardinality back =
          switch (cardinality) {
            case MANY_TO_ONE -> Cardinality.ONE_TO_MANY;
            case ONE_TO_MANY -> Cardinality.MANY_TO_ONE;
            default -> cardinality;
          };
      return new ForeignKeyRel(to, toColumns, from, fromColumns, constraint, back, !fromHoldsKey);
    }

    /** The column names that hold the key (on whichever side that is). */
    public List<String> referencingColumns() {
      return fromHoldsKey ? fromColumns : toColumns;
    }

    /** The column names the key points at (the other side's unique or primary key). */
    public List<String> referencedColumns() {
      return fromHoldsKey ? toColumns : fromColumns;
    }
  }

  /**
   * {@code source} and {@code target} through {@code junction}: {@code sourceKey} is the junction's
   * key to the source and {@code targetKey} its key to the target, both in the junction-to-relation
   * (many-to-one or one-to-one) direction.
   */
  record ManyToMany(
      QualifiedName source,
      QualifiedName junction,
      QualifiedName target,
      ForeignKeyRel sourceKey,
      ForeignKeyRel targetKey)
      implements Relationship {

    public ManyToMany {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(junction, "junction");
      Objects.requireNonNull(target, "target");
      if (!sourceKey.from().equals(junction)
          || !targetKey.from().equals(junction)
          || !sourceKey.to().equals(source)
          || !targetKey.to().equals(target)
          || !sourceKey.fromHoldsKey()
          || !targetKey.fromHoldsKey()) {
        throw new IllegalArgumentException("junction keys must lead from the junction to each end");
      }
    }

    @Override
    public QualifiedName from() {
      return source;
    }

    @Override
    public QualifiedName to() {
      return target;
    }

    @Override
    public Cardinality cardinality() {
      return Cardinality.MANY_TO_MANY;
    }
  }

  /**
   * PostgREST's computed relationship: {@code function(from) RETURNS SETOF to}, embedded by the
   * function's name. It is to-one when the function is declared {@code ROWS 1} or returns a single
   * row; it takes precedence over detected relationships of the same name.
   */
  record Computed(QualifiedName from, QualifiedName function, QualifiedName to, boolean toOne)
      implements Relationship {

    public Computed {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(function, "function");
      Objects.requireNonNull(to, "to");
    }

    @Override
    public Cardinality cardinality() {
      return toOne ? Cardinality.MANY_TO_ONE : Cardinality.ONE_TO_MANY;
    }
  }
}
