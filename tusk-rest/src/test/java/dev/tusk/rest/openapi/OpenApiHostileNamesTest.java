package dev.tusk.rest.openapi;

import static dev.tusk.rest.openapi.OpenApiFixtures.qn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tusk.rest.schema.Column;
import dev.tusk.rest.schema.QualifiedName;
import dev.tusk.rest.schema.Relationship;
import dev.tusk.rest.schema.Routine;
import dev.tusk.rest.schema.RoutineParam;
import dev.tusk.rest.schema.RoutineReturn;
import dev.tusk.rest.schema.SchemaCache;
import dev.tusk.rest.schema.Table;
import dev.tusk.rest.schema.Volatility;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Names PostgreSQL allows and naive writers mangle: quotes, spaces, slashes, dots, braces, tildes,
 * percent signs, unicode, dot segments, markup. Both documents must stay valid JSON, every
 * reference must resolve, every path key must decode back to the name, and no two names may share a
 * key.
 */
class OpenApiHostileNamesTest {

  private static final String SCHEMA = "We\"ird Schéma";
  private static final List<String> NAMES =
      List.of(
          "Tä ble (1)",
          "a/b",
          "{id}",
          "a.b",
          "a",
          "..",
          ".",
          "rpc",
          "~0~1",
          "100%",
          "😀",
          "quote\"d",
          "back\\slash",
          "new\nline",
          "</script><script>alert(1)</script>",
          "x".repeat(10_000));

  private static Table table(String name, String... columns) {
    List<Column> cols = new ArrayList<>();
    for (String c : columns) {
      cols.add(Column.of(c, "text"));
    }
    return OpenApiFixtures.table(
        qn(SCHEMA, name), cols, List.of(columns[0]), "Comment with \"quotes\"\nand </script>");
  }

  private static SchemaCache cache() {
    List<Table> tables = new ArrayList<>();
    for (String n : NAMES) {
      if (n.equals("a.b")) {
        tables.add(table(n, "c", "I d"));
      } else if (n.equals("a")) {
        tables.add(table(n, "b.c", "x) {TARGETENTRY"));
      } else {
        tables.add(table(n, "id", "~/", "%2E", "quote\"d", "ünï", "a.b"));
      }
    }
    List<Relationship> rels =
        OpenApiFixtures.foreignKey(qn(SCHEMA, "a/b"), "quote\"d", qn(SCHEMA, "it's"), "id", "k");
    tables.add(table("it's", "id"));
    List<Routine> routines = new ArrayList<>();
    for (String n : List.of("😀", "a/b", "in put", "{x}")) {
      routines.add(
          OpenApiFixtures.routine(
              qn(SCHEMA, n),
              List.of(RoutineParam.in("in put", "integer"), RoutineParam.in("a/b\"", "text")),
              new RoutineReturn.Composite(qn(SCHEMA, "a/b"), true),
              Volatility.STABLE,
              "fn \"" + n + "\""));
    }
    return OpenApiFixtures.cache(List.of(SCHEMA), tables, routines, rels);
  }

  private static Set<String> decodedPaths(JsonNode doc, boolean rpc) {
    Set<String> out = new HashSet<>();
    doc.path("paths")
        .fieldNames()
        .forEachRemaining(
            k -> {
              if (!k.equals("/") && k.startsWith("/rpc/") == rpc) {
                out.add(OpenApiRefs.percentDecode(k.substring(rpc ? 5 : 1)));
              }
            });
    return out;
  }

  private static Set<String> names(SchemaCache cache) {
    Set<String> out = new HashSet<>();
    cache.tables().forEach(t -> out.add(t.name().name()));
    return out;
  }

  @Test
  void swagger2StaysValidAndUnambiguous() {
    SchemaCache cache = cache();
    JsonNode d = OpenApiRefs.parse(new OpenApiWriter().swagger2(cache, OpenApiFixtures.settings()));
    assertThat(OpenApiChecks.swagger2(d)).isEmpty();
    assertThat(decodedPaths(d, false)).isEqualTo(names(cache));
    assertThat(decodedPaths(d, true)).containsExactlyInAnyOrder("😀", "a/b", "in put", "{x}");
    assertThat(d.path("paths").has("/a%2Fb")).isTrue();
    assertThat(d.path("paths").has("/%7Bid%7D")).isTrue();
    assertThat(d.path("paths").has("/%2E%2E")).isTrue();
    assertThat(d.path("definitions").size()).isEqualTo(cache.tables().size());
    int columns = cache.tables().stream().mapToInt(t -> t.columns().size()).sum();
    long filters = countKeysStartingWith(d.path("parameters"), "rowFilter.");
    assertThat(filters).as("one row filter per column, none merged").isEqualTo(columns);
    assertThat(
            d.path("definitions")
                .path("a/b")
                .path("properties")
                .path("quote\"d")
                .path("description")
                .asText())
        .isEqualTo("Note:\nThis is a Foreign Key to `it's.id`.<fk table='it&apos;s' column='id'/>");
  }

  @Test
  void openapi31StaysValidAndUnambiguous() {
    SchemaCache cache = cache();
    JsonNode d =
        OpenApiRefs.parse(new OpenApiWriter().openapi31(cache, OpenApiFixtures.settings()));
    assertThat(OpenApiChecks.openapi31(d)).isEmpty();
    assertThat(decodedPaths(d, false)).isEqualTo(names(cache));
    assertThat(d.path("components").path("schemas").size()).isEqualTo(cache.tables().size());
    assertThat(d.path("components").path("requestBodies").size()).isEqualTo(cache.tables().size());
    int columns = cache.tables().stream().mapToInt(t -> t.columns().size()).sum();
    assertThat(countKeysStartingWith(d.path("components").path("parameters"), "rowFilter."))
        .isEqualTo(columns);
    JsonNode rpc = d.path("paths").path("/rpc/a%2Fb").path("get");
    assertThat(rpc.path("parameters").get(1).path("name").asText()).isEqualTo("a/b\"");
    assertThat(rpc.path("summary").asText()).isEqualTo("fn \"a/b\"");
  }

  @Test
  void aHostileSchemaCommentIsJustText() {
    OpenApiSettings s =
        OpenApiFixtures.settings()
            .withSchema(SCHEMA, Optional.of("\"},{\"evil\":1\n\u0000\u001f\u2028</script>"));
    for (String json :
        List.of(
            new OpenApiWriter().swagger2(cache(), s), new OpenApiWriter().openapi31(cache(), s))) {
      JsonNode d = OpenApiRefs.parse(json);
      assertThat(d.path("info").path("title").asText()).isEqualTo("\"},{\"evil\":1");
      assertThat(d.path("info").path("description").asText())
          .isEqualTo("\u0000\u001f\u2028</script>");
      assertThat(d.has("evil")).isFalse();
    }
  }

  @Test
  void aLargeSchemaIsDescribedWhole() {
    List<Table> tables = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      List<Column> cols = new ArrayList<>();
      for (int c = 0; c < 20; c++) {
        cols.add(Column.of("col_" + c, c % 2 == 0 ? "integer" : "text[]"));
      }
      tables.add(
          OpenApiFixtures.table(new QualifiedName("big", "t" + i), cols, List.of("col_0"), null));
    }
    SchemaCache big = OpenApiFixtures.cache(List.of("big"), tables, List.of(), List.of());
    JsonNode v2 = OpenApiRefs.parse(new OpenApiWriter().swagger2(big, OpenApiFixtures.settings()));
    JsonNode v3 = OpenApiRefs.parse(new OpenApiWriter().openapi31(big, OpenApiFixtures.settings()));
    assertThat(OpenApiChecks.swagger2(v2)).isEmpty();
    assertThat(OpenApiChecks.openapi31(v3)).isEmpty();
    assertThat(v2.path("paths").size()).isEqualTo(1501);
    assertThat(v3.path("components").path("parameters").size()).isGreaterThan(30_000);
  }

  private static long countKeysStartingWith(JsonNode node, String prefix) {
    long n = 0;
    for (var it = node.fieldNames(); it.hasNext(); ) {
      if (it.next().startsWith(prefix)) {
        n++;
      }
    }
    return n;
  }
}
