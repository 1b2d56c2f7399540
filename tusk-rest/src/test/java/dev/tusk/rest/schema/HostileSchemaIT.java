package dev.tusk.rest.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.core.error.ConfigException;
import dev.tusk.core.error.OperationException;
import dev.tusk.rest.schema.Relationship.ForeignKeyRel;
import dev.tusk.testkit.TestDatabase;
import dev.tusk.testkit.TuskPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Hostile names, missing and empty schemas, and connections in the wrong state. */
@ExtendWith(TuskPostgres.class)
class HostileSchemaIT {

  private static final String WEIRD = "We\"ird Schéma";
  private static TestDatabase database;

  @BeforeAll
  static void load(TestDatabase db) throws SQLException {
    database = db;
    try (Connection c = db.connect()) {
      SqlScripts.run(c, "/schema/hostile.sql");
    }
  }

  private static SchemaCache load(String... schemas) throws SQLException {
    try (Connection c = database.connect()) {
      return SchemaCacheLoader.load(c, List.of(schemas), Clock.systemUTC());
    }
  }

  @Test
  void namesComeBackVerbatim() throws SQLException {
    SchemaCache cache = load(WEIRD, "API");
    assertThat(cache.tables())
        .extracting(Table::name)
        .containsExactly(
            new QualifiedName("API", "Profiles"),
            new QualifiedName("API", "Users"),
            new QualifiedName("API", "users"),
            new QualifiedName(WEIRD, "Child \"rows\""),
            new QualifiedName(WEIRD, "Tä ble (1)"),
            new QualifiedName(WEIRD, "V (1)"));
    Table parent = cache.table(WEIRD, "Tä ble (1)").orElseThrow();
    assertThat(parent.columnNames())
        .containsExactly("I d", "x) {TARGETENTRY :resorigtbl 1", ":resorigtbl");
    assertThat(parent.primaryKey()).containsExactly("I d");
    assertThat(cache.table("API", "Users").orElseThrow().description())
        .contains("Ünïcode 'quoted' comment");
    assertThat(cache.routines(WEIRD, "😀")).hasSize(1);
    assertThat(
            cache
                .findRoutine("API", "Do It", List.of("In Put"), RpcPayload.QUERY)
                .orElseThrow()
                .name())
        .isEqualTo(new QualifiedName("API", "Do It"));
  }

  @Test
  void relationshipsThroughQuotedNamesAndViews() throws SQLException {
    SchemaCache cache = load(WEIRD, "API");
    QualifiedName child = new QualifiedName(WEIRD, "Child \"rows\"");
    ForeignKeyRel up =
        (ForeignKeyRel) cache.resolve(child, "Tä ble (1)", Optional.empty()).orElseThrow();
    assertThat(up.constraint()).isEqualTo("fk \"quoted\" name");
    assertThat(up.fromColumns()).containsExactly("Parent Ref");
    assertThat(cache.resolve(child, "Parent Ref", Optional.empty()).orElseThrow()).isEqualTo(up);

    QualifiedName view = new QualifiedName(WEIRD, "V (1)");
    assertThat(cache.table(view).orElseThrow().primaryKey()).containsExactly("ID");
    ForeignKeyRel viaView =
        (ForeignKeyRel)
            cache.resolve(view, "Tä ble (1)", Optional.of("fk \"quoted\" name")).orElseThrow();
    assertThat(viaView.fromColumns()).containsExactly("p r");

    // "users" and "Users" are different tables; the lookups are exact.
    ForeignKeyRel owner =
        (ForeignKeyRel)
            cache
                .resolve(new QualifiedName("API", "users"), "Users", Optional.empty())
                .orElseThrow();
    assertThat(owner.fromColumns()).containsExactly("Owner");
    ForeignKeyRel profile =
        (ForeignKeyRel)
            cache
                .resolve(new QualifiedName("API", "Users"), "Profiles", Optional.empty())
                .orElseThrow();
    assertThat(profile.cardinality()).isEqualTo(Cardinality.ONE_TO_ONE);
    assertThat(profile.toColumns()).containsExactly("User");
  }

  @Test
  void aMissingSchemaIsAConfigErrorNamingIt() throws SQLException {
    assertThatThrownBy(() -> load("API", "api", "x'); DROP SCHEMA \"API\" CASCADE; --"))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.code()).isEqualTo("rest.schema_missing");
              assertThat(e.exitCode()).isEqualTo(2);
              assertThat(e.hint()).get().asString().contains("case-sensitive");
            })
        .hasMessageContaining("'api', 'x'); DROP SCHEMA \"API\" CASCADE; --'")
        .hasMessageContaining("database '" + database.name() + "'");
    assertThat(load("API").table("API", "Users")).isPresent();
  }

  @Test
  void anEmptySchemaLoadsAsAnEmptyCache() throws SQLException {
    SchemaCache cache = load("empty_one");
    assertThat(cache.tables()).isEmpty();
    assertThat(cache.routines()).isEmpty();
    assertThat(cache.relationships()).isEmpty();
    assertThat(cache.tablesWithoutRls()).isEmpty();
    SchemaError e = ((Lookup.Failed<Table>) cache.findTable("empty_one", "x")).error();
    assertThat(e.code()).isEqualTo("PGRST205");
    assertThat(e.hint()).isEmpty();
  }

  @Test
  void badSchemaListsAreRefusedBeforeAnyQuery() {
    assertThatThrownBy(() -> load())
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.code()).isEqualTo("rest.schemas_empty"));
    assertThatThrownBy(() -> load("API", "API"))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.code()).isEqualTo("rest.schema_duplicate"))
        .hasMessageContaining("'API'");
  }

  @Test
  void aBrokenConnectionIsAnOperationError() throws SQLException {
    Connection c = database.connect();
    c.close();
    assertThatThrownBy(() -> SchemaCacheLoader.load(c, List.of("API"), Clock.systemUTC()))
        .isInstanceOfSatisfying(
            OperationException.class,
            e -> {
              assertThat(e.code()).isEqualTo("rest.schema_cache_failed");
              assertThat(e.exitCode()).isEqualTo(1);
            });
  }

  @Test
  void theConnectionComesBackInAutoCommitWithItsSessionUnchanged() throws SQLException {
    try (Connection c = database.connect()) {
      SchemaCacheLoader.load(c, List.of("API"), Clock.systemUTC());
      assertThat(c.getAutoCommit()).isTrue();
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT current_setting('transaction_isolation'),"
                      + " current_setting('transaction_read_only'), current_setting('search_path')")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("read committed");
        assertThat(rs.getString(2)).isEqualTo("off");
        assertThat(rs.getString(3)).isNotEqualTo("pg_catalog");
      }
      assertThatThrownBy(() -> SchemaCacheLoader.load(c, List.of("nope"), Clock.systemUTC()))
          .isInstanceOf(ConfigException.class);
      assertThat(c.getAutoCommit()).isTrue();
      assertThat(c.isValid(5)).isTrue();
    }
  }

  @Test
  void aConnectionInsideATransactionIsRefusedAndItsTransactionKept() throws SQLException {
    try (Connection c = database.connect()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TEMP TABLE caller_work (x int)");
      }
      assertThatThrownBy(() -> SchemaCacheLoader.load(c, List.of("API"), Clock.systemUTC()))
          .isInstanceOf(IllegalArgumentException.class);
      try (Statement s = c.createStatement()) {
        s.execute("INSERT INTO caller_work VALUES (1)");
      }
      c.rollback();
    }
  }
}
