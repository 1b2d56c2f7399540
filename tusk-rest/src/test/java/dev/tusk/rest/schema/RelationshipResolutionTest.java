package dev.tusk.rest.schema;

import static dev.tusk.rest.schema.TestCatalog.qn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.rest.schema.Relationship.ForeignKeyRel;
import dev.tusk.rest.schema.Relationship.ManyToMany;
import dev.tusk.rest.schema.SchemaError.Details;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** PostgREST's embedding rules on the film and order databases of its documentation. */
class RelationshipResolutionTest {

  private static final SchemaCache ORDERS =
      new TestCatalog()
          .table("api.addresses", "id", "name")
          .table("api.orders", "id", "name", "billing_address_id", "shipping_address_id")
          .primaryKey("api.addresses", "id")
          .primaryKey("api.orders", "id")
          .foreignKey("billing", "api.orders", "billing_address_id", "api.addresses", "id")
          .foreignKey("shipping", "api.orders", "shipping_address_id", "api.addresses", "id")
          .build("api");

  private static Relationship found(Lookup<Relationship> l) {
    return l.orElseThrow();
  }

  private static SchemaError failed(Lookup<Relationship> l) {
    assertThat(l).isInstanceOf(Lookup.Failed.class);
    return ((Lookup.Failed<Relationship>) l).error();
  }

  @Test
  void twoForeignKeysToOneTableAreAmbiguousWithPostgrestsDetailsAndHint() {
    SchemaError e = failed(ORDERS.resolve(qn("api.orders"), "addresses", Optional.empty()));

    assertThat(e.code()).isEqualTo("PGRST201");
    assertThat(e.status()).isEqualTo(300);
    assertThat(e.message())
        .isEqualTo(
            "Could not embed because more than one relationship was found for 'orders' and"
                + " 'addresses'");
    assertThat(e.details())
        .contains(
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
  }

  @Test
  void aConstraintNameHintPicksOneKey() {
    ForeignKeyRel r =
        (ForeignKeyRel)
            found(ORDERS.resolve(qn("api.orders"), "addresses", Optional.of("billing")));
    assertThat(r.fromColumns()).containsExactly("billing_address_id");
    assertThat(r.toColumns()).containsExactly("id");
    assertThat(r.cardinality()).isEqualTo(Cardinality.MANY_TO_ONE);
    assertThat(r.cardinality().toOne()).isTrue();
  }

  @Test
  void aKeyColumnHintPicksOneKey() {
    ForeignKeyRel r =
        (ForeignKeyRel)
            found(
                ORDERS.resolve(qn("api.orders"), "addresses", Optional.of("shipping_address_id")));
    assertThat(r.constraint()).isEqualTo("shipping");
  }

  @Test
  void theTargetMayBeTheConstraintOrTheKeyColumn() {
    assertThat(
            ((ForeignKeyRel) found(ORDERS.resolve(qn("api.orders"), "billing", Optional.empty())))
                .constraint())
        .isEqualTo("billing");
    ForeignKeyRel byColumn =
        (ForeignKeyRel)
            found(ORDERS.resolve(qn("api.orders"), "shipping_address_id", Optional.empty()));
    assertThat(byColumn.constraint()).isEqualTo("shipping");
    assertThat(byColumn.to()).isEqualTo(qn("api.addresses"));
  }

  @Test
  void theReverseDirectionIsOneToManyAndTakesTheSameHints() {
    SchemaError e = failed(ORDERS.resolve(qn("api.addresses"), "orders", Optional.empty()));
    assertThat(e.code()).isEqualTo("PGRST201");
    assertThat(((Details.Candidates) e.details().orElseThrow()).candidates())
        .extracting(Details.Candidate::cardinality)
        .containsExactly("one-to-many", "one-to-many");

    ForeignKeyRel r =
        (ForeignKeyRel)
            found(ORDERS.resolve(qn("api.addresses"), "orders", Optional.of("shipping")));
    assertThat(r.fromColumns()).containsExactly("id");
    assertThat(r.toColumns()).containsExactly("shipping_address_id");
    assertThat(r.fromHoldsKey()).isFalse();
    assertThat(r.referencingColumns()).containsExactly("shipping_address_id");
    assertThat(r.cardinality()).isEqualTo(Cardinality.ONE_TO_MANY);
  }

  @Test
  void aHintThatFitsBothKeysStaysAmbiguous() {
    // "id" is the referenced column of both keys.
    assertThat(failed(ORDERS.resolve(qn("api.addresses"), "orders", Optional.of("id"))).code())
        .isEqualTo("PGRST201");
  }

  @Test
  void aHintThatFitsNothingIsNotFoundAndSaysWhichHint() {
    SchemaError e = failed(ORDERS.resolve(qn("api.orders"), "addresses", Optional.of("nope")));
    assertThat(e.code()).isEqualTo("PGRST200");
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.message())
        .isEqualTo(
            "Could not find a relationship between 'orders' and 'addresses' in the schema cache");
    assertThat(e.details())
        .contains(
            new Details.Text(
                "Searched for a foreign key relationship between 'orders' and 'addresses' using the"
                    + " hint 'nope' in the schema 'api', but no matches were found."));
    assertThat(e.hint()).contains(RelationshipNotFound.RELOAD_HINT);
  }

  @Test
  void aMisspelledTargetGetsTheClosestRelatedName() {
    SchemaError e = failed(ORDERS.resolve(qn("api.orders"), "adresses", Optional.empty()));
    assertThat(e.hint()).contains("Perhaps you meant 'addresses' instead of 'adresses'.");
    assertThat(e.details())
        .contains(
            new Details.Text(
                "Searched for a foreign key relationship between 'orders' and 'adresses' in the"
                    + " schema 'api', but no matches were found."));
  }

  @Test
  void aMisspelledOriginGetsTheClosestOriginName() {
    SchemaError e = failed(ORDERS.resolve(qn("api.ordres"), "addresses", Optional.empty()));
    assertThat(e.hint()).contains("Perhaps you meant 'orders' instead of 'ordres'.");
  }

  @Test
  void aTableWithTwoKeysIntoItsOwnPrimaryKeyIsNoJunction() {
    // orders holds two keys to addresses, but not inside its primary key: no many-to-many.
    assertThat(ORDERS.relationships(qn("api.addresses"))).noneMatch(r -> r instanceof ManyToMany);
  }

  @Test
  void resolveThrowsTheErrorForCallersThatPreferExceptions() {
    assertThatThrownBy(
            () -> ORDERS.resolve(qn("api.orders"), "nothing", Optional.empty()).orElseThrow())
        .isInstanceOfSatisfying(
            SchemaLookupException.class, ex -> assertThat(ex.error().code()).isEqualTo("PGRST200"))
        .hasMessageStartingWith("PGRST200: Could not find a relationship");
  }
}
