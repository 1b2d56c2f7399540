package dev.tusk.migrate.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tusk.core.error.OperationException;
import dev.tusk.migrate.ConnectionSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A database's schema as a sorted, comparable set of {@link CatalogObject}s, read from pg_catalog
 * by one query ({@link CatalogQuery}) in a read-only REPEATABLE READ transaction whose {@code
 * search_path} is {@code pg_catalog} only, so every name the server prints is schema-qualified the
 * same way in every database. Objects of extensions, the system schemas and Tusk's own schema
 * {@code tusk} (the migration history, init_sql history) are left out: they say nothing about what
 * the migrations made. Two snapshots are equal when the schemas are.
 */
public record CatalogSnapshot(SortedMap<String, CatalogObject> objects) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The objects every new database has (from template1): the public schema and plpgsql. */
  private static final List<String> FRESH = List.of("schema public", "extension plpgsql");

  public CatalogSnapshot {
    objects = Collections.unmodifiableSortedMap(new TreeMap<>(objects));
  }

  /** Opens a connection from {@code source}, reads the snapshot and closes it. */
  public static CatalogSnapshot take(ConnectionSource source, String what) {
    try (Connection c = source.open()) {
      return read(c);
    } catch (SQLException e) {
      throw failed(what, e);
    }
  }

  /**
   * Reads the snapshot on {@code c} (a superuser connection, so every object is visible) and leaves
   * the connection in autocommit as it found it.
   */
  public static CatalogSnapshot read(Connection c) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    int isolation = c.getTransactionIsolation();
    c.setAutoCommit(false);
    c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    c.setReadOnly(true);
    try (Statement s = c.createStatement()) {
      s.execute("SET LOCAL search_path = pg_catalog");
      SortedMap<String, CatalogObject> objects = new TreeMap<>();
      try (ResultSet rs = s.executeQuery(CatalogQuery.SQL)) {
        while (rs.next()) {
          CatalogObject o = object(rs.getString(1), rs.getString(2), rs.getString(3));
          String path = o.path();
          for (int n = 2; objects.containsKey(path); n++) {
            path = o.path() + " (" + n + ")";
          }
          objects.put(path, new CatalogObject(path, o.kind(), o.attributes()));
        }
      }
      c.commit();
      return new CatalogSnapshot(objects);
    } finally {
      try {
        c.rollback();
      } finally {
        c.setReadOnly(false);
        c.setTransactionIsolation(isolation);
        c.setAutoCommit(autoCommit);
      }
    }
  }

  public Optional<CatalogObject> get(String path) {
    return Optional.ofNullable(objects.get(path));
  }

  public int size() {
    return objects.size();
  }

  /**
   * The objects a database made by {@code CREATE DATABASE} from an unchanged template1 would not
   * have: empty for a new database.
   */
  public List<String> beyondFresh() {
    List<String> out = new ArrayList<>();
    for (String path : objects.keySet()) {
      boolean partOfLast = !out.isEmpty() && path.startsWith(out.getLast() + " ");
      if (!FRESH.contains(path) && !partOfLast) {
        out.add(path);
      }
    }
    return out;
  }

  private static CatalogObject object(String path, String kind, String attributesJson)
      throws SQLException {
    SortedMap<String, String> attributes = new TreeMap<>();
    try {
      JsonNode node = JSON.readTree(attributesJson);
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (!e.getValue().isNull()) {
          attributes.put(e.getKey(), e.getValue().asText());
        }
      }
    } catch (java.io.IOException e) {
      throw new SQLException("unreadable attributes of " + path + ": " + e.getMessage(), e);
    }
    return new CatalogObject(path, kind, attributes);
  }

  static OperationException failed(String what, SQLException e) {
    return new OperationException(
        "migrate.snapshot_failed",
        "could not read the schema of " + what + ": " + firstLine(e),
        "check that the server is reachable and the role is a superuser",
        e);
  }

  static String firstLine(SQLException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.lines().findFirst().orElse(m);
  }
}
