package dev.tusk.rest.schema;

/** What kind of relation a {@link Table} is, from {@code pg_class.relkind}. */
public enum RelationKind {
  TABLE,
  VIEW,
  MATERIALIZED_VIEW,
  FOREIGN,
  PARTITIONED;

  /** The kind for a {@code relkind} letter; only the five kinds the API exposes are accepted. */
  static RelationKind fromRelkind(String relkind) {
    return switch (relkind) {
      case "r" -> TABLE;
      case "v" -> VIEW;
      case "m" -> MATERIALIZED_VIEW;
      case "f" -> FOREIGN;
      case "p" -> PARTITIONED;
      default -> throw new IllegalArgumentException("not an exposed relkind: " + relkind);
    };
  }

  /** Views and materialized views: their keys and relationships come from their base tables. */
  public boolean isView() {
    return this == VIEW || this == MATERIALIZED_VIEW;
  }
}
