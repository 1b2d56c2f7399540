package dev.tusk.rest.schema;

import dev.tusk.rest.schema.Catalog.ColumnRow;
import dev.tusk.rest.schema.Catalog.ForeignKey;
import dev.tusk.rest.schema.Catalog.Key;
import dev.tusk.rest.schema.Catalog.Relation;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Runs the {@link CatalogSql} queries on a connection already inside the load's transaction and
 * returns their rows as a {@link Catalog}. View definitions are read in rounds: the exposed views
 * first, then whichever views those are built on, until no new view turns up.
 */
final class CatalogReader {

  static final List<String> SYSTEM_SCHEMAS =
      List.of("pg_catalog", "information_schema", "pg_toast");

  private final Connection connection;
  private final Set<Long> unreadableViews = new HashSet<>();

  CatalogReader(Connection connection) {
    this.connection = connection;
  }

  List<String> missingSchemas(List<String> schemas) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(CatalogSql.MISSING_SCHEMAS)) {
      ps.setArray(1, texts(schemas));
      List<String> missing = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          missing.add(rs.getString(1));
        }
      }
      return missing;
    }
  }

  Catalog read(List<String> schemas) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(CatalogSql.SEARCH_PATH)) {
      ps.setString(1, "pg_catalog");
      ps.execute();
    }
    return new Catalog(
        schemas,
        relations(schemas),
        columns(schemas),
        keys(),
        foreignKeys(),
        views(schemas),
        unreadableViews,
        new RoutineRows().read(connection, texts(schemas)),
        names(CatalogSql.TIMEZONES),
        names(CatalogSql.SUPERUSERS));
  }

  /** The first column of {@code sql}'s rows. */
  private Set<String> names(String sql) throws SQLException {
    Set<String> out = new HashSet<>();
    try (PreparedStatement ps = connection.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private List<Relation> relations(List<String> schemas) throws SQLException {
    List<Relation> out = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(CatalogSql.RELATIONS)) {
      ps.setArray(1, texts(schemas));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Relation(
                  rs.getLong(1),
                  new QualifiedName(rs.getString(2), rs.getString(3)),
                  RelationKind.fromRelkind(rs.getString(4)),
                  rs.getBoolean(5),
                  rs.getInt(6),
                  Optional.ofNullable(rs.getString(7))));
        }
      }
    }
    return out;
  }

  private List<ColumnRow> columns(List<String> schemas) throws SQLException {
    List<ColumnRow> out = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(CatalogSql.COLUMNS)) {
      ps.setArray(1, texts(schemas));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int maxLength = rs.getInt(11);
          OptionalInt length = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(maxLength);
          Column column =
              new Column(
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getBoolean(6),
                  Optional.ofNullable(rs.getString(7)),
                  Generated.of(rs.getString(8), rs.getString(9)),
                  rs.getBoolean(10),
                  SqlArrays.strings(rs.getArray(12)),
                  length,
                  Optional.ofNullable(rs.getString(13)));
          out.add(new ColumnRow(rs.getLong(1), rs.getInt(2), column));
        }
      }
    }
    return out;
  }

  private List<Key> keys() throws SQLException {
    List<Key> out = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(CatalogSql.KEYS)) {
      ps.setArray(1, texts(SYSTEM_SCHEMAS));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Key(rs.getLong(1), rs.getBoolean(2), SqlArrays.ints(rs.getArray(3))));
        }
      }
    }
    return out;
  }

  private List<ForeignKey> foreignKeys() throws SQLException {
    List<ForeignKey> out = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(CatalogSql.FOREIGN_KEYS)) {
      ps.setArray(1, texts(SYSTEM_SCHEMAS));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new ForeignKey(
                  rs.getString(1),
                  rs.getLong(2),
                  new QualifiedName(rs.getString(3), rs.getString(4)),
                  SqlArrays.ints(rs.getArray(5)),
                  SqlArrays.strings(rs.getArray(6)),
                  rs.getLong(7),
                  new QualifiedName(rs.getString(8), rs.getString(9)),
                  SqlArrays.ints(rs.getArray(10)),
                  SqlArrays.strings(rs.getArray(11))));
        }
      }
    }
    return out;
  }

  private Map<Long, Map<Integer, ColumnOrigin>> views(List<String> schemas) throws SQLException {
    Map<Long, Map<Integer, ColumnOrigin>> views = new HashMap<>();
    Set<Long> asked = new HashSet<>();
    try (PreparedStatement ps = connection.prepareStatement(CatalogSql.EXPOSED_VIEW_DEFINITIONS)) {
      ps.setArray(1, texts(schemas));
      readViews(ps, views);
    }
    asked.addAll(views.keySet());
    for (int round = 0; round < ViewOrigins.MAX_HOPS; round++) {
      Set<Long> next = new HashSet<>();
      views.values().forEach(cols -> cols.values().forEach(o -> next.add(o.relid())));
      next.removeAll(asked);
      if (next.isEmpty()) {
        break;
      }
      asked.addAll(next);
      try (PreparedStatement ps = connection.prepareStatement(CatalogSql.VIEW_DEFINITIONS_BY_OID)) {
        ps.setArray(1, connection.createArrayOf("int8", next.toArray(Long[]::new)));
        readViews(ps, views);
      }
    }
    return views;
  }

  private void readViews(PreparedStatement ps, Map<Long, Map<Integer, ColumnOrigin>> views)
      throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long oid = rs.getLong(1);
        String action = rs.getString(2);
        try {
          views.put(oid, action == null ? Map.of() : ViewDefinitionParser.origins(action));
        } catch (IllegalArgumentException e) {
          unreadableViews.add(oid);
          views.put(oid, Map.of());
        }
      }
    }
  }

  private Array texts(List<String> values) throws SQLException {
    return connection.createArrayOf("text", values.toArray(String[]::new));
  }
}
