package dev.tusk.rest.schema;

import static dev.tusk.rest.schema.TestCatalog.qn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** PGRST205 and PGRST204 with their suggestions, and what the cache refuses to hold. */
class TableLookupTest {

  private static Table table(String name, String... cols) {
    return new Table(
        qn(name),
        RelationKind.TABLE,
        java.util.Arrays.stream(cols).map(c -> Column.of(c, "text")).toList(),
        List.of(),
        true,
        true,
        true,
        false,
        Optional.empty());
  }

  private static final SchemaCache CACHE =
      new SchemaCache(
          List.of("public", "other"),
          List.of(
              table("public.articles", "id", "title"),
              table("public.Authors", "id"),
              table("other.articlez", "id")),
          List.of(),
          List.of(),
          Instant.EPOCH,
          Duration.ofMillis(12));

  private static SchemaError error(Lookup<?> l) {
    return ((Lookup.Failed<?>) l).error();
  }

  @Test
  void aMissingTableSuggestsTheClosestInItsSchema() {
    SchemaError e = error(CACHE.findTable("public", "articels"));
    assertThat(e.code()).isEqualTo("PGRST205");
    assertThat(e.status()).isEqualTo(404);
    assertThat(e.message())
        .isEqualTo("Could not find the table 'public.articels' in the schema cache");
    assertThat(e.hint()).contains("Perhaps you meant the table 'public.articles'");
    assertThat(e.details()).isEmpty();
  }

  @Test
  void caseIsIgnoredForSuggestionsButNotForLookups() {
    assertThat(CACHE.table("public", "authors")).isEmpty();
    assertThat(error(CACHE.findTable("public", "authors")).hint())
        .contains("Perhaps you meant the table 'public.Authors'");
    assertThat(CACHE.findTable("public", "Authors").orElseThrow().name().name())
        .isEqualTo("Authors");
  }

  @Test
  void farOffNamesAndHostileNamesGetNoSuggestion() {
    assertThat(error(CACHE.findTable("public", "no_such_table")).hint()).isEmpty();
    assertThat(error(CACHE.findTable("public", "x".repeat(100_000))).hint()).isEmpty();
    assertThat(error(CACHE.findTable("public", "")).hint()).isEmpty();
    assertThat(error(CACHE.findTable("nowhere", "articles")).hint()).isEmpty();
  }

  @Test
  void aMissingColumnNamesTheTable() {
    SchemaError e = error(CACHE.findColumn(qn("public.articles"), "titel"));
    assertThat(e.code()).isEqualTo("PGRST204");
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.message())
        .isEqualTo("Could not find the 'titel' column of 'articles' in the schema cache");
    assertThat(e.hint()).contains("Perhaps you meant the 'title' column");
    assertThat(CACHE.findColumn(qn("public.articles"), "title").orElseThrow().type())
        .isEqualTo("text");
    assertThat(error(CACHE.findColumn(qn("public.nope"), "x")).code()).isEqualTo("PGRST205");
  }

  @Test
  void suggestionsUseEditDistanceWithTranspositions() {
    assertThat(dev.tusk.core.util.EditDistance.of("articles", "artcile")).isEqualTo(2);
    assertThat(dev.tusk.core.util.EditDistance.of("ab", "ba")).isEqualTo(1);
    assertThat(Suggestions.closest("lables", List.of("labels", "tables"))).contains("labels");
    assertThat(Suggestions.closest("a", List.of("b"))).contains("b");
    assertThat(Suggestions.closest("abc", List.of())).isEmpty();
  }

  @Test
  void theCacheRejectsObjectsOutsideItsSchemasAndDanglingRelationships() {
    assertThatThrownBy(
            () ->
                new SchemaCache(
                    List.of("public"),
                    List.of(table("secret.t", "id")),
                    List.of(),
                    List.of(),
                    Instant.EPOCH,
                    Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("secret.t");
    Relationship dangling =
        new Relationship.ForeignKeyRel(
            qn("public.articles"),
            List.of("id"),
            qn("public.gone"),
            List.of("id"),
            "fk",
            Cardinality.MANY_TO_ONE,
            true);
    assertThatThrownBy(
            () ->
                new SchemaCache(
                    List.of("public"),
                    List.of(table("public.articles", "id")),
                    List.of(),
                    List.of(dangling),
                    Instant.EPOCH,
                    Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void relationshipValuesRejectImpossibleShapes() {
    assertThatThrownBy(
            () ->
                new Relationship.ForeignKeyRel(
                    qn("a.b"),
                    List.of("x", "y"),
                    qn("a.c"),
                    List.of("x"),
                    "fk",
                    Cardinality.MANY_TO_ONE,
                    true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new Relationship.ForeignKeyRel(
                    qn("a.b"),
                    List.of("x"),
                    qn("a.c"),
                    List.of("x"),
                    "fk",
                    Cardinality.ONE_TO_MANY,
                    true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void quotedNamesDoubleTheirQuotes() {
    assertThat(new QualifiedName("We\"ird sch", "Tä ble").quoted())
        .isEqualTo("\"We\"\"ird sch\".\"Tä ble\"");
    assertThat(CACHE.toString()).contains("3 relations").contains("12 ms");
  }
}
