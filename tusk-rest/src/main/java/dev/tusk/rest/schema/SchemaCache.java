package dev.tusk.rest.schema;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the API knows about the database: the tables, views and functions of the exposed schemas and
 * the relationships between them, loaded once by {@link SchemaCacheLoader} and then only read.
 * Immutable, so a reload builds a new cache and swaps it in while requests keep using the old one.
 * The planner asks it questions and gets values or PostgREST's PGRST2xx errors back; it never
 * touches the database.
 */
public final class SchemaCache {

  private final List<String> schemas;
  private final Map<QualifiedName, Table> tables;
  private final Map<QualifiedName, List<Routine>> routines;
  private final Map<QualifiedName, List<Relationship>> relationships;
  private final Instant loadedAt;
  private final Duration loadDuration;
  private final List<String> warnings;
  private final Set<String> timezones;
  private final Set<String> superusers;

  public SchemaCache(
      List<String> schemas,
      Collection<Table> tables,
      Collection<Routine> routines,
      Collection<Relationship> relationships,
      Instant loadedAt,
      Duration loadDuration) {
    this(schemas, tables, routines, relationships, loadedAt, loadDuration, List.of());
  }

  /**
   * @param warnings things the load could not fully make sense of, one sentence each, for the log
   */
  public SchemaCache(
      List<String> schemas,
      Collection<Table> tables,
      Collection<Routine> routines,
      Collection<Relationship> relationships,
      Instant loadedAt,
      Duration loadDuration,
      List<String> warnings) {
    this.schemas = List.copyOf(schemas);
    this.warnings = List.copyOf(warnings);
    this.loadedAt = Objects.requireNonNull(loadedAt, "loadedAt");
    this.loadDuration = Objects.requireNonNull(loadDuration, "loadDuration");
    this.tables = SchemaIndex.tablesByName(tables, this::requireExposed);
    this.routines = SchemaIndex.routinesByName(routines, this::requireExposed);
    this.relationships = SchemaIndex.relationshipsByOrigin(relationships, this.tables.keySet());
    this.timezones = Set.of();
    this.superusers = Set.of();
  }

  private SchemaCache(SchemaCache base, Set<String> timezones, Set<String> superusers) {
    this.schemas = base.schemas;
    this.warnings = base.warnings;
    this.loadedAt = base.loadedAt;
    this.loadDuration = base.loadDuration;
    this.tables = base.tables;
    this.routines = base.routines;
    this.relationships = base.relationships;
    this.timezones = Set.copyOf(timezones);
    this.superusers = Set.copyOf(superusers);
  }

  /** This cache, knowing {@code timezones} (the names in {@code pg_timezone_names}). */
  public SchemaCache withTimezones(Set<String> timezones) {
    return new SchemaCache(this, timezones, superusers);
  }

  /** This cache, knowing the database's superusers ({@code rolsuper}), which no token may name. */
  public SchemaCache withSuperusers(Set<String> superusers) {
    return new SchemaCache(this, timezones, superusers);
  }

  /**
   * Whether {@code role} is a superuser of the database. Under {@code tusk serve rest} against a
   * server Tusk does not manage, the config does not know the superuser's name; the catalog does.
   */
  public boolean isSuperuser(String role) {
    return superusers.contains(role);
  }

  /**
   * Whether {@code Prefer: timezone=name} names a time zone of the database: exactly, as PostgREST
   * matches it (PostgreSQL itself would also take other spellings and offsets).
   */
  public boolean knowsTimezone(String name) {
    return timezones.contains(name);
  }

  private void requireExposed(QualifiedName name) {
    if (!schemas.contains(name.schema())) {
      throw new IllegalArgumentException(name + " is not in an exposed schema " + schemas);
    }
  }

  /** The exposed schemas in configured order; the first is the default. */
  public List<String> schemas() {
    return schemas;
  }

  public Instant loadedAt() {
    return loadedAt;
  }

  public Duration loadDuration() {
    return loadDuration;
  }

  /** What the load could not make sense of (e.g. a view definition), one sentence each. */
  public List<String> warnings() {
    return warnings;
  }

  /** Every exposed table and view, ordered by schema and name. */
  public Collection<Table> tables() {
    return tables.values();
  }

  public Optional<Table> table(String schema, String name) {
    return table(new QualifiedName(schema, name));
  }

  public Optional<Table> table(QualifiedName name) {
    return Optional.ofNullable(tables.get(name));
  }

  /** The table, or PGRST205 with the closest table name as a hint. */
  public Lookup<Table> findTable(String schema, String name) {
    QualifiedName wanted = new QualifiedName(schema, name);
    Table t = tables.get(wanted);
    if (t != null) {
      return Lookup.found(t);
    }
    return Lookup.failed(new TableNotFound(wanted, nearestTable(wanted)));
  }

  private Optional<QualifiedName> nearestTable(QualifiedName wanted) {
    List<String> sameSchema =
        tables.keySet().stream()
            .filter(q -> q.schema().equals(wanted.schema()))
            .map(QualifiedName::name)
            .toList();
    return Suggestions.closest(wanted.name(), sameSchema)
        .map(n -> new QualifiedName(wanted.schema(), n));
  }

  /** The column, or PGRST204 (PGRST205 when the table itself is unknown). */
  public Lookup<Column> findColumn(QualifiedName table, String column) {
    return switch (findTable(table.schema(), table.name())) {
      case Lookup.Failed<Table> f -> Lookup.failed(f.error());
      case Lookup.Found<Table> f ->
          f.value()
              .column(column)
              .<Lookup<Column>>map(Lookup::found)
              .orElseGet(
                  () ->
                      Lookup.failed(
                          new ColumnNotFound(
                              table,
                              column,
                              Suggestions.closest(column, f.value().columnNames()))));
    };
  }

  /** Every exposed function by name; overloads share a name. */
  public Map<QualifiedName, List<Routine>> routines() {
    return routines;
  }

  /** The overloads of {@code schema.name}, empty when there is no such function. */
  public List<Routine> routines(String schema, String name) {
    return routines.getOrDefault(new QualifiedName(schema, name), List.of());
  }

  /**
   * The one overload of {@code schema.name} a call with these argument names fits, or PGRST202 /
   * PGRST203. {@code argumentKeys} are the query parameter names (GET) or JSON object keys (POST).
   */
  public Lookup<Routine> findRoutine(
      String schema, String name, List<String> argumentKeys, RpcPayload payload) {
    QualifiedName fn = new QualifiedName(schema, name);
    return RoutineMatcher.find(
        fn, routines(schema, name), argumentKeys, payload, routines.keySet());
  }

  /** Every relationship that starts at {@code from}. */
  public List<Relationship> relationships(QualifiedName from) {
    return relationships.getOrDefault(from, List.of());
  }

  /** Every relationship, grouped by origin. */
  public List<Relationship> relationships() {
    return relationships.values().stream().flatMap(List::stream).toList();
  }

  /**
   * The relationships an embed {@code target!hint} from {@code from} can mean, by PostgREST's rules
   * (see {@link RelationshipMatcher}); the planner embeds when there is exactly one.
   */
  public List<Relationship> relationshipsFor(
      QualifiedName from, String target, Optional<String> hint) {
    return RelationshipMatcher.candidates(from, relationships(from), target, hint);
  }

  /** The one relationship for an embed, or PGRST200 (none) / PGRST201 (several). */
  public Lookup<Relationship> resolve(QualifiedName from, String target, Optional<String> hint) {
    List<Relationship> found = relationshipsFor(from, target, hint);
    if (found.size() == 1) {
      return Lookup.found(found.get(0));
    }
    if (found.size() > 1) {
      return Lookup.failed(new AmbiguousRelationship(from, target, found));
    }
    return Lookup.failed(
        new RelationshipNotFound(
            from, target, hint, RelationshipMatcher.suggestion(relationships, from, target)));
  }

  /** Exposed tables with row level security off: worth a warning at startup. */
  public List<Table> tablesWithoutRls() {
    return tables.values().stream()
        .filter(t -> t.kind() == RelationKind.TABLE || t.kind() == RelationKind.PARTITIONED)
        .filter(t -> !t.rlsEnabled())
        .toList();
  }

  @Override
  public String toString() {
    return "SchemaCache["
        + String.join(", ", schemas)
        + ": "
        + tables.size()
        + " relations, "
        + routines.values().stream().mapToInt(List::size).sum()
        + " functions, "
        + relationships.values().stream().mapToInt(List::size).sum()
        + " relationships, loaded in "
        + loadDuration.toMillis()
        + " ms]";
  }
}
