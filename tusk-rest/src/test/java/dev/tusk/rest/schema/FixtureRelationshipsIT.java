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
    ForeignKeyRel author = (ForeignKeyRel) embed("content.published_articles", "users", null);
    assertThat(author.fromColumns()).containsExactly("author_id");
    assertThat(author.to()).isEqualTo(qn("identity.users"));
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
  void embedsCrossToTheOtherExposedSchemaButNotToHiddenOnes() {
    ForeignKeyRel owner = (ForeignKeyRel) embed("content.articles", "users", null);
    assertThat(owner.to()).isEqualTo(qn("identity.users"));
    assertThat(owner.fromColumns()).containsExactly("owner_id");
    assertThat(embed("identity.users", "articles", null).cardinality())
        .isEqualTo(Cardinality.ONE_TO_MANY);
    ManyToMany favourites = (ManyToMany) embed("identity.users", "categories", null);
    assertThat(favourites.junction()).isEqualTo(qn("private.favourites"));
    assertThat(embed("content.categories", "users", "favourites")).isInstanceOf(ManyToMany.class);
    SchemaError assets = embedError("content.articles", "assets", null);
    assertThat(assets.code()).isEqualTo("PGRST200");
    assertThat(assets.message())
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
