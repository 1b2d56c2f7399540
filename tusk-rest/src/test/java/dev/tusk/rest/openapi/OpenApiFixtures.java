package dev.tusk.rest.openapi;

import dev.tusk.rest.schema.Cardinality;
import dev.tusk.rest.schema.Column;
import dev.tusk.rest.schema.Generated;
import dev.tusk.rest.schema.ParamMode;
import dev.tusk.rest.schema.QualifiedName;
import dev.tusk.rest.schema.RelationKind;
import dev.tusk.rest.schema.Relationship;
import dev.tusk.rest.schema.Relationship.ForeignKeyRel;
import dev.tusk.rest.schema.Routine;
import dev.tusk.rest.schema.RoutineParam;
import dev.tusk.rest.schema.RoutineReturn;
import dev.tusk.rest.schema.SchemaCache;
import dev.tusk.rest.schema.Table;
import dev.tusk.rest.schema.Volatility;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Hand-built schema caches for the writer's unit tests (the cache's constructors are public). */
final class OpenApiFixtures {

  private OpenApiFixtures() {}

  static QualifiedName qn(String schema, String name) {
    return new QualifiedName(schema, name);
  }

  /**
   * A column with everything spelled out; {@code dflt}, {@code maxLen} and {@code desc} may be
   * null.
   */
  static Column column(
      String name,
      String type,
      boolean nullable,
      String dflt,
      Generated generated,
      List<String> enums,
      Integer maxLen,
      String desc) {
    return new Column(
        name,
        type,
        type,
        nullable,
        Optional.ofNullable(dflt),
        generated,
        type.endsWith("[]"),
        enums,
        maxLen == null ? OptionalInt.empty() : OptionalInt.of(maxLen),
        Optional.ofNullable(desc));
  }

  static Column notNull(String name, String type) {
    return column(name, type, false, null, Generated.NONE, List.of(), null, null);
  }

  static Table table(QualifiedName name, List<Column> columns, List<String> pk, String desc) {
    return new Table(
        name, RelationKind.TABLE, columns, pk, true, true, true, true, Optional.ofNullable(desc));
  }

  static Table view(QualifiedName name, List<Column> columns, List<String> pk) {
    return new Table(
        name, RelationKind.VIEW, columns, pk, false, false, false, false, Optional.empty());
  }

  static Table withFlags(Table t, boolean insertable, boolean updatable, boolean deletable) {
    return new Table(
        t.name(),
        t.kind(),
        t.columns(),
        t.primaryKey(),
        insertable,
        updatable,
        deletable,
        t.rlsEnabled(),
        t.description());
  }

  /** A many-to-one key from {@code from.fromCol} to {@code to.toCol}, and its reverse. */
  static List<Relationship> foreignKey(
      QualifiedName from, String fromCol, QualifiedName to, String toCol, String constraint) {
    ForeignKeyRel rel =
        new ForeignKeyRel(
            from, List.of(fromCol), to, List.of(toCol), constraint, Cardinality.MANY_TO_ONE, true);
    return List.of(rel, rel.reversed());
  }

  static Routine routine(
      QualifiedName name,
      List<RoutineParam> params,
      RoutineReturn returns,
      Volatility volatility,
      String desc) {
    boolean variadic = params.stream().anyMatch(p -> p.mode() == ParamMode.VARIADIC);
    return new Routine(name, params, returns, volatility, variadic, Optional.ofNullable(desc));
  }

  static SchemaCache cache(
      List<String> schemas,
      List<Table> tables,
      List<Routine> routines,
      List<Relationship> relationships) {
    return new SchemaCache(
        schemas, tables, routines, relationships, Instant.EPOCH, Duration.ZERO, List.of());
  }

  /** The blog of {@link OpenApiBlog}. */
  static SchemaCache blog() {
    return OpenApiBlog.cache();
  }

  static OpenApiSettings settings() {
    return OpenApiSettings.defaults("Tusk API", "0.1.0");
  }
}
