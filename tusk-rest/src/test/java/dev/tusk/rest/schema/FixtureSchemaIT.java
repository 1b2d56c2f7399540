package dev.tusk.rest.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.rest.schema.Relationship.ForeignKeyRel;
import dev.tusk.rest.schema.Relationship.ManyToMany;
import dev.tusk.testkit.TestDatabase;
import dev.tusk.testkit.TuskPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The schema cache of the conformance fixture (plus schema/extras.sql) on a real server, exposed as
 * the conformance server exposes it: content and identity, not media.
 */
@ExtendWith(TuskPostgres.class)
class FixtureSchemaIT {

  private static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");
  private static SchemaCache cache;

  @BeforeAll
  static void load(TestDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      SqlScripts.run(c, "/conformance/fixture.sql");
      SqlScripts.run(c, "/schema/extras.sql");
      cache =
          SchemaCacheLoader.load(
              c, List.of("content", "identity"), Clock.fixed(NOW, ZoneOffset.UTC));
    }
  }

  /** The fixture loaded into {@code db}, cached with content and identity exposed. */
  static SchemaCache loadFixture(TestDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      SqlScripts.run(c, "/conformance/fixture.sql");
      SqlScripts.run(c, "/schema/extras.sql");
      return SchemaCacheLoader.load(c, List.of("content", "identity"), Clock.systemUTC());
    }
  }

  private static QualifiedName content(String name) {
    return new QualifiedName("content", name);
  }

  private static Table table(String schema, String name) {
    return cache.table(schema, name).orElseThrow(() -> new AssertionError("no " + name));
  }

  private static Relationship embed(String from, String target, String hint) {
    return cache.resolve(content(from), target, Optional.ofNullable(hint)).orElseThrow();
  }

  private static SchemaError embedError(String from, String target, String hint) {
    Lookup<Relationship> l = cache.resolve(content(from), target, Optional.ofNullable(hint));
    assertThat(l).isInstanceOf(Lookup.Failed.class);
    return ((Lookup.Failed<Relationship>) l).error();
  }

  @Test
  void exposesTheConfiguredSchemasOnly() {
    assertThat(cache.schemas()).containsExactly("content", "identity");
    assertThat(cache.tables())
        .extracting(t -> t.name().toString())
        .containsExactly(
            "content.addresses",
            "content.article_cards",
            "content.article_labels",
            "content.article_stats",
            "content.articles",
            "content.categories",
            "content.category_counts",
            "content.comments",
            "content.labels",
            "content.orders",
            "content.published_articles",
            "content.reactions",
            "content.recent_articles",
            "content.title_lengths",
            "identity.users");
    assertThat(cache.table("media", "assets")).isEmpty();
    assertThat(cache.table("private", "favourites")).isEmpty();
    assertThat(cache.loadedAt()).isEqualTo(NOW);
    assertThat(cache.loadDuration()).isEqualTo(Duration.ZERO);
    assertThat(cache.warnings()).isEmpty();
  }

  @Test
  void tablesCarryKindKeysRlsAndWritability() {
    Table articles = table("content", "articles");
    assertThat(articles.kind()).isEqualTo(RelationKind.TABLE);
    assertThat(articles.primaryKey()).containsExactly("id");
    assertThat(articles.rlsEnabled()).isTrue();
    assertThat(articles.description()).contains("Articles, one per post");
    assertThat(articles.insertable() && articles.updatable() && articles.deletable()).isTrue();
    assertThat(table("content", "article_labels").primaryKey())
        .containsExactly("article_id", "label_id");
    assertThat(table("content", "reactions").primaryKey()).containsExactly("id", "article_id");

    Table cards = table("content", "article_cards");
    assertThat(cards.kind()).isEqualTo(RelationKind.VIEW);
    assertThat(cards.primaryKey()).containsExactly("id");
    assertThat(cards.insertable() || cards.updatable() || cards.deletable()).isFalse();
    assertThat(cards.description()).contains("Cards for the front page");
    Table published = table("content", "published_articles");
    assertThat(published.insertable() && published.updatable() && published.deletable()).isTrue();
    assertThat(table("content", "recent_articles").primaryKey()).containsExactly("id");
    assertThat(table("content", "title_lengths").primaryKey()).isEmpty();
    Table counts = table("content", "category_counts");
    assertThat(counts.kind()).isEqualTo(RelationKind.MATERIALIZED_VIEW);
    assertThat(counts.insertable()).isFalse();

    assertThat(cache.tablesWithoutRls())
        .extracting(t -> t.name().name())
        .doesNotContain("articles", "article_cards", "category_counts")
        .contains("comments", "labels", "users");
  }

  @Test
  void columnsComeInOrderWithTheirTypesAndDefaults() {
    Table articles = table("content", "articles");
    assertThat(articles.columnNames())
        .containsExactly(
            "id",
            "owner_id",
            "category_id",
            "title",
            "body",
            "status",
            "tags",
            "metadata",
            "word_count",
            "published_at",
            "created_at");
    Column id = articles.column("id").orElseThrow();
    assertThat(id.type()).isEqualTo("bigint");
    assertThat(id.generated()).isEqualTo(Generated.IDENTITY_BY_DEFAULT);
    assertThat(id.nullable()).isFalse();
    Column tags = articles.column("tags").orElseThrow();
    assertThat(tags.type()).isEqualTo("text[]");
    assertThat(tags.isArray()).isTrue();
    assertThat(tags.defaultValue()).contains("'{}'::text[]");
    assertThat(articles.column("status").orElseThrow().defaultValue()).contains("'draft'::text");
    assertThat(articles.column("word_count").orElseThrow().nullable()).isTrue();
    assertThat(articles.column("title").orElseThrow().description()).contains("The headline");
    assertThat(articles.column("published_at").orElseThrow().type())
        .isEqualTo("timestamp with time zone");

    Table reactions = table("content", "reactions");
    Column mood = reactions.column("mood").orElseThrow();
    assertThat(mood.type()).isEqualTo("content.mood");
    assertThat(mood.enumValues()).containsExactly("sad", "ok", "happy");
    assertThat(mood.defaultValue()).contains("'ok'::content.mood");
    Column note = reactions.column("note").orElseThrow();
    assertThat(note.type()).isEqualTo("content.short_text");
    assertThat(note.baseType()).isEqualTo("character varying(20)");
    assertThat(note.maxLength()).isEqualTo(OptionalInt.of(20));
    assertThat(note.nullable()).isTrue();
    Column tag = reactions.column("tag").orElseThrow();
    assertThat(tag.baseType()).isEqualTo("character varying(20)");
    assertThat(tag.nullable()).as("NOT NULL on the domain").isFalse();
    assertThat(reactions.column("code").orElseThrow().maxLength()).isEqualTo(OptionalInt.of(3));
    assertThat(reactions.column("id").orElseThrow().generated())
        .isEqualTo(Generated.IDENTITY_ALWAYS);
    Column doubled = reactions.column("doubled").orElseThrow();
    assertThat(doubled.generated()).isEqualTo(Generated.STORED);
    assertThat(doubled.defaultValue()).isEmpty();
  }

  @Test
  void theConformanceEmbedsResolve() {
    ForeignKeyRel category = (ForeignKeyRel) embed("articles", "categories", null);
    assertThat(category.cardinality()).isEqualTo(Cardinality.MANY_TO_ONE);
    assertThat(category.fromColumns()).containsExactly("category_id");
    ForeignKeyRel comments = (ForeignKeyRel) embed("articles", "comments", null);
    assertThat(comments.cardinality()).isEqualTo(Cardinality.ONE_TO_MANY);
    assertThat(comments.toColumns()).containsExactly("article_id");
    ManyToMany labels = (ManyToMany) embed("articles", "labels", null);
    assertThat(labels.junction()).isEqualTo(content("article_labels"));
    assertThat(labels.sourceKey().fromColumns()).containsExactly("article_id");
    assertThat(labels.targetKey().fromColumns()).containsExactly("label_id");
    assertThat(embed("categories", "articles", null).cardinality())
        .isEqualTo(Cardinality.ONE_TO_MANY);
  }
}
