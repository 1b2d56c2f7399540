package dev.tusk.rest.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.rest.schema.Relationship.Computed;
import dev.tusk.rest.schema.Relationship.ForeignKeyRel;
import dev.tusk.rest.schema.Relationship.ManyToMany;
import dev.tusk.rest.schema.SchemaError.Details;
import dev.tusk.testkit.TestDatabase;
import dev.tusk.testkit.TuskPostgres;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Relationships the loader derives from the fixture's keys, views and functions. */
@ExtendWith(TuskPostgres.class)
class FixtureRelationshipsIT {

  private static SchemaCache cache;

  @BeforeAll
  static void load(TestDatabase db) throws SQLException {
    cache = FixtureSchemaIT.loadFixture(db);
  }

  private static QualifiedName qn(String dotted) {
    return TestCatalog.qn(dotted);
  }

  private static Relationship embed(String from, String target, String hint) {
    return cache.resolve(qn(from), target, Optional.ofNullable(hint)).orElseThrow();
  }

  private static SchemaError embedError(String from, String target, String hint) {
    Lookup<Relationship> l = cache.resolve(qn(from), target, Optional.ofNullable(hint));
    assertThat(l).isInstanceOf(Lookup.Failed.class);
    return ((Lookup.Failed<Relationship>) l).error();
  }

  @Test
  void twoKeysBetweenOrdersAndAddressesNeedAHint() {
    SchemaError e = embedError("content.orders", "addresses", null);
    assertThat(e.code()).isEqualTo("PGRST201");
    assertThat(e.details().orElseThrow())
        .isEqualTo(
            new Details.Candidates(
                List.of(
                    new Details.Candidate(
                        "many-to-one",
                        "orders with addresses",
                        "billing using orders(billing_address_id) and addresses(id)"),
                    new Details.Candidate(
                        "many-to-one",
                        "orders with addresses",
                        "shipping using orders(shipping_address_id) and addresses(id)"))));
    assertThat(e.hint())
        .contains(
            "Try changing 'addresses' to one of the following: 'addresses!billing',"
                + " 'addresses!shipping'. Find the desired relationship in the 'details' key.");
    assertThat(((ForeignKeyRel) embed("content.orders", "addresses", "shipping")).fromColumns())
        .containsExactly("shipping_address_id");
    assertThat(
            ((ForeignKeyRel) embed("content.addresses", "orders", "billing_address_id"))
                .toColumns())
        .containsExactly("billing_address_id");
  }

  @Test
  void aSelfReferenceIsAmbiguousUnlessTheKeyColumnIsNamed() {
    SchemaError e = embedError("content.categories", "categories", null);
    assertThat(e.code()).isEqualTo("PGRST201");
    assertThat(((Details.Candidates) e.details().orElseThrow()).candidates())
        .extracting(Details.Candidate::cardinality)
        .containsExactly("many-to-one", "one-to-many");
    ForeignKeyRel parent = (ForeignKeyRel) embed("content.categories", "parent_id", null);
    assertThat(parent.cardinality()).isEqualTo(Cardinality.MANY_TO_ONE);
    assertThat(parent.to()).isEqualTo(qn("content.categories"));
  }

  @Test
  void aPrimaryKeyThatIsAForeignKeyIsOneToOne() {
    ForeignKeyRel stats = (ForeignKeyRel) embed("content.articles", "article_stats", null);
    assertThat(stats.cardinality()).isEqualTo(Cardinality.ONE_TO_ONE);
    assertThat(stats.fromHoldsKey()).isFalse();
    assertThat(embed("content.article_stats", "articles", null).cardinality())
        .isEqualTo(Cardinality.ONE_TO_ONE);
  }

  @Test
  void viewsGetTheirBaseTablesRelationships() {
    ForeignKeyRel viaView = (ForeignKeyRel) embed("content.recent_articles", "categories", null);
    assertThat(viaView.fromColumns()).containsExactly("cat");
    assertThat(viaView.constraint()).isEqualTo("articles_category_id_fkey");
    ForeignKeyRel author =
        cache.relationships(qn("content.published_articles")).stream()
            .filter(r -> r instanceof ForeignKeyRel && r.to().equals(qn("identity.users")))
            .map(ForeignKeyRel.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(author.fromColumns()).containsExactly("author_id");
    ForeignKeyRel cards = (ForeignKeyRel) embed("content.comments", "article_cards", null);
    assertThat(cards.toColumns()).containsExactly("id");
    ManyToMany labels = (ManyToMany) embed("content.recent_articles", "labels", null);
    assertThat(labels.sourceKey().toColumns()).containsExactly("id");
    assertThat(cache.relationships(qn("content.title_lengths"))).isEmpty();
    // an embed that names a view reaches only the view
    assertThat(embed("content.categories", "published_articles", null).to())
        .isEqualTo(qn("content.published_articles"));
  }

  @Test
  void embedsStayInTheOriginsSchemaAsInPostgrest() {
    // The foreign keys across schemas are known (views and OpenAPI use them) ...
    assertThat(cache.relationships(qn("content.articles")))
        .anySatisfy(r -> assertThat(r.to()).isEqualTo(qn("identity.users")));
    // ... but, as in PostgREST, an embed only reaches the origin's schema, exposed or not.
    for (String[] across :
        new String[][] {
          {"content.articles", "users", null},
          {"identity.users", "articles", null},
          {"identity.users", "categories", null},
          {"content.categories", "users", "favourites"},
          {"content.articles", "assets", null}
        }) {
      SchemaError e = embedError(across[0], across[1], across[2]);
      assertThat(e.code()).as(across[0] + " -> " + across[1]).isEqualTo("PGRST200");
    }
    assertThat(embedError("content.articles", "assets", null).message())
        .isEqualTo(
            "Could not find a relationship between 'articles' and 'assets' in the schema cache");
  }

  @Test
  void functionsOfOneRowAreComputedRelationships() {
    Computed first = (Computed) embed("content.articles", "first_comment", null);
    assertThat(first.toOne()).isTrue();
    assertThat(first.to()).isEqualTo(qn("content.comments"));
    Computed many = (Computed) embed("content.articles", "long_comments", null);
    assertThat(many.toOne()).isFalse();
  }

  @Test
  void aMisspelledEmbedGetsASuggestion() {
    assertThat(embedError("content.articles", "comment", null).hint())
        .contains("Perhaps you meant 'comments' instead of 'comment'.");
  }
}
