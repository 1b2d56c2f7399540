package dev.tusk.rest.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.rest.schema.Relationship.ForeignKeyRel;
import dev.tusk.testkit.TestDatabase;
import dev.tusk.testkit.TuskPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Loads a 500-table schema and checks what came out. The load times are measured and written to
 * target/schema-cache-load.txt for the record, never asserted: this machine is shared.
 */
@ExtendWith(TuskPostgres.class)
class BigSchemaIT {

  private static final int LOADS = 5;
  private static final List<Duration> times = new ArrayList<>();
  private static SchemaCache cache;

  @BeforeAll
  static void load(TestDatabase db) throws SQLException, IOException {
    try (Connection c = db.connect()) {
      SqlScripts.run(c, "/schema/big.sql");
      for (int i = 0; i < LOADS; i++) {
        cache = SchemaCacheLoader.load(c, List.of("big"), Clock.systemUTC());
        times.add(cache.loadDuration());
      }
    }
    List<Long> ms = times.stream().map(Duration::toMillis).sorted().toList();
    String report =
        "schema cache load, 500 tables + 50 views, 200 foreign keys, 100 functions: "
            + cache
            + "; "
            + LOADS
            + " loads in ms (sorted) "
            + ms
            + ", first "
            + times.get(0).toMillis()
            + "\n";
    System.out.print(report);
    Files.writeString(Path.of("target", "schema-cache-load.txt"), report);
  }

  @Test
  void everyObjectIsThere() {
    assertThat(cache.tables()).hasSize(550);
    assertThat(cache.routines()).hasSize(100);
    assertThat(cache.tables().stream().mapToInt(t -> t.columns().size()).sum())
        .isEqualTo(500 * 6 + 50 * 3);
    assertThat(cache.table("big", "t42").orElseThrow().description()).contains("table number 42");
  }

  @Test
  void everyKeyGivesTwoDirectionsAndEveryViewInheritsItsTables() {
    // 200 keys × 2 directions, and each of v1..v50 shows its table's key column: 50 × 2 more.
    assertThat(cache.relationships()).hasSize(200 * 2 + 50 * 2);
    ForeignKeyRel r =
        (ForeignKeyRel)
            cache.resolve(new QualifiedName("big", "t77"), "t327", Optional.empty()).orElseThrow();
    assertThat(r.constraint()).isEqualTo("fk_77");
    assertThat(cache.relationships(new QualifiedName("big", "t301")))
        .hasSize(4 + 1); // t1, t51, t101, t151 and the view v1
    assertThat(cache.table("big", "v9").orElseThrow().primaryKey()).containsExactly("id");
  }

  @Test
  void loadsAreRepeatable() {
    assertThat(times).hasSize(LOADS).allMatch(d -> !d.isNegative());
  }
}
